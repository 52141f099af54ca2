import { useState } from "react";
import { useMutation, useQuery } from "@tanstack/react-query";
import { Link, useSearch } from "wouter";
import { formatDate, parisNoon } from "@medianum/domain";
import { Alert, Button, Spinner, readApiError, useDocumentTitle } from "@medianum/ui";
import { useTRPC } from "@medianum/api-client";
import { FeedbackForm } from "./FeedbackForm.js";

const SITE = "Ateliers e-parentalité";
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The questionnaire behind a parent's e-mail link or a workshop's QR code (`?atelier=<record>`):
 * anonymous, answered on a phone, once per link (a QR code takes one answer per participant).
 */
export default function FeedbackPage({ token }: { token: string }) {
  const trpc = useTRPC();
  const search = useSearch();
  const atelier = new URLSearchParams(search).get("atelier");
  const workshop = atelier && UUID.test(atelier) ? atelier : undefined;
  const q = useQuery(trpc.feedback.link.queryOptions({ token }));
  const [sent, setSent] = useState(false);
  const [refused, setRefused] = useState(false);
  const submit = useMutation(trpc.feedback.submit.mutationOptions({ onSuccess: () => setSent(true) }));
  const refuse = useMutation(trpc.feedback.refuse.mutationOptions({ onSuccess: () => setRefused(true) }));
  useDocumentTitle("Votre avis", SITE);

  if (sent || refused) {
    return (
      <>
        <h1>{sent ? "Merci pour votre réponse" : "C'est noté"}</h1>
        <Alert type="success" title={sent ? "Votre avis est enregistré, de façon anonyme." : "Vous ne recevrez plus de questionnaire après nos ateliers."}>
          <p>{sent ? "Il aide l'équipe à améliorer les prochains ateliers." : "Ce lien est maintenant fermé."}</p>
        </Alert>
        <p>
          <Link href="/">Voir les ateliers à venir</Link>
        </p>
      </>
    );
  }
  if (q.isPending) {
    return (
      <>
        <h1>Votre avis</h1>
        <Spinner label="Chargement du questionnaire…" />
      </>
    );
  }
  if (q.isError) {
    const err = readApiError(q.error);
    const notFound = err.code === "NOT_FOUND" || err.code === "BAD_REQUEST";
    return (
      <>
        <h1>{notFound ? "Lien introuvable" : "Votre avis"}</h1>
        {notFound ? (
          <p>{err.message}</p>
        ) : (
          <Alert type="error" title="Le questionnaire n'a pas pu être affiché.">
            <p>{err.message}</p>
            <Button variant="secondary" size="small" onClick={() => void q.refetch()}>
              Réessayer
            </Button>
          </Alert>
        )}
      </>
    );
  }
  const v = q.data;
  if (v.status !== "open") {
    return (
      <>
        <h1>Votre avis</h1>
        <p>{v.status === "answered" ? "Vous avez déjà répondu à ce questionnaire : merci !" : "Ce questionnaire est fermé : il n'accepte plus de réponse."}</p>
        <p>
          <Link href="/">Voir les ateliers à venir</Link>
        </p>
      </>
    );
  }
  return (
    <>
      <h1>Votre avis sur « {v.title} »</h1>
      <p>
        {v.day ? `Atelier du ${formatDate(parisNoon(v.day))}. ` : ""}Quatre questions, deux minutes. Votre réponse est anonyme : personne ne
        pourra savoir qu'elle vient de vous.
      </p>
      <FeedbackForm onSubmit={(answers) => submit.mutate({ token, answers, ...(workshop ? { workshop } : {}) })} pending={submit.isPending} error={submit.error} />
      {v.kind === "workshop_session" ? (
        <section aria-labelledby="ne-plus-recevoir">
          <h2 id="ne-plus-recevoir">Ne plus recevoir de questionnaire</h2>
          <p>Vous pouvez refuser ces questionnaires : aucun ne vous sera plus envoyé après nos ateliers.</p>
          {refuse.error ? (
            <Alert type="error" title="Votre refus n'a pas pu être enregistré.">
              <p>{readApiError(refuse.error).message}</p>
            </Alert>
          ) : null}
          <Button variant="secondary" loading={refuse.isPending} loadingLabel="Enregistrement…" onClick={() => refuse.mutate({ token })}>
            Ne plus recevoir de questionnaire
          </Button>
        </section>
      ) : null}
    </>
  );
}
