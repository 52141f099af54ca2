import { useState } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link } from "wouter";
import { countOf, formatDateTime, formatDuration, pluralWord, registrationStatuses, seatsFreedText } from "@medianum/domain";
import { Alert, Badge, Button, SelectField, Spinner, readApiError, useDocumentTitle, useFocusOnMount } from "@medianum/ui";
import { useTRPC } from "@medianum/api-client";

const SITE = "Ateliers e-parentalité";

/** The page behind the manage link: this one registration, nothing else. */
export default function ManagePage({ token }: { token: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const q = useQuery(trpc.booking.manage.queryOptions({ token }));
  const [done, setDone] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [seats, setSeats] = useState("");
  useDocumentTitle("Mon inscription", SITE);

  const refresh = () => void queryClient.invalidateQueries({ queryKey: trpc.booking.pathKey() });
  const cancel = useMutation(
    trpc.booking.cancel.mutationOptions({
      onSuccess: () => {
        setDone(`Votre inscription est annulée. Merci d'avoir prévenu : ${seatsFreedText(q.data?.seats ?? 1, "va servir à une autre famille", "vont servir à d'autres familles")}.`);
        setConfirming(false);
        refresh();
      },
    }),
  );
  const reduce = useMutation(
    trpc.booking.reduceSeats.mutationOptions({
      onSuccess: (_res, vars) => {
        setDone(`C'est noté : vous avez maintenant ${countOf(vars.seats, "place")}.`);
        setSeats("");
        refresh();
      },
    }),
  );

  if (q.isPending) {
    return (
      <>
        <h1>Mon inscription</h1>
        <Spinner label="Chargement de votre inscription…" />
      </>
    );
  }
  if (q.isError) {
    const err = readApiError(q.error);
    const notFound = err.code === "NOT_FOUND" || err.code === "BAD_REQUEST";
    return (
      <>
        <h1>{notFound ? "Lien introuvable" : "Mon inscription"}</h1>
        {notFound ? (
          <p>Ce lien ne correspond à aucune inscription. Vérifiez qu'il est complet, ou contactez l'équipe de l'atelier.</p>
        ) : (
          <Alert type="error" title="Votre inscription n'a pas pu être affichée.">
            <p>{err.message}</p>
            <Button variant="secondary" size="small" onClick={() => void q.refetch()}>
              Réessayer
            </Button>
          </Alert>
        )}
        <p>
          <Link href="/">Voir les ateliers à venir</Link>
        </p>
      </>
    );
  }

  const r = q.data;
  const s = r.session;
  const error = cancel.error ?? reduce.error;
  const seatOptions = Array.from({ length: Math.max(0, r.seats - 1) }, (_, i) => ({ value: String(i + 1), label: countOf(i + 1, "place") }));
  return (
    <>
      <h1>Mon inscription</h1>
      {done ? <Done message={done} /> : null}
      {error ? (
        <Alert type="error" title="La modification n'a pas pu être enregistrée.">
          <p>{readApiError(error).message}</p>
        </Alert>
      ) : null}
      <dl className="mn-details">
        <dt>Statut</dt>
        <dd>
          <Badge tone={r.status === "confirmed" ? "success" : r.status === "waitlisted" ? "warning" : "danger"}>{registrationStatuses.label(r.status)}</Badge>
        </dd>
        <dt>Atelier</dt>
        <dd>{s.title}</dd>
        <dt>Date</dt>
        <dd>
          {formatDateTime(s.startsAt)} ({formatDuration(s.durationMinutes)})
        </dd>
        <dt>Lieu</dt>
        <dd>
          {s.place.name}
          <br />
          {s.place.address}, {s.place.postalCode} {s.place.communeName}
        </dd>
        <dt>Places</dt>
        <dd>{countOf(r.seats, "place")}</dd>
        <dt>Au nom de</dt>
        <dd>
          {r.firstName}
          {r.contact ? ` (${r.contact})` : ""}
        </dd>
      </dl>
      {s.status === "cancelled" ? (
        <Alert type="warning" role="none">
          <p>Cette séance a été annulée par l'équipe du Département.</p>
        </Alert>
      ) : null}

      {r.canChange ? (
        <>
          {r.seats > 1 ? (
            <section aria-labelledby="reduire">
              <h2 id="reduire">Venir à moins de personnes</h2>
              <form
                onSubmit={(e) => {
                  e.preventDefault();
                  if (seats) reduce.mutate({ token, seats: Number(seats) });
                }}
              >
                <SelectField
                  label="Nouveau nombre de places"
                  name="seats"
                  placeholder="Choisissez"
                  options={seatOptions}
                  value={seats}
                  onChange={(e) => setSeats(e.target.value)}
                />
                <div className="mn-actions">
                  <Button type="submit" variant="secondary" loading={reduce.isPending} loadingLabel="Enregistrement…">
                    Enregistrer
                  </Button>
                </div>
              </form>
            </section>
          ) : null}
          <section aria-labelledby="annuler">
            <h2 id="annuler">Annuler mon inscription</h2>
            <p>Possible jusqu'au {formatDateTime(r.changeDeadline)}. {pluralWord(r.seats, "Votre place ira à la première famille", "Vos places iront aux premières familles")} en liste d'attente.</p>
            {confirming ? (
              <div className="mn-actions" role="group" aria-label="Confirmer l'annulation">
                <Button variant="danger" loading={cancel.isPending} loadingLabel="Annulation…" onClick={() => cancel.mutate({ token })}>
                  Oui, annuler mon inscription
                </Button>
                <Button variant="secondary" onClick={() => setConfirming(false)}>
                  Non, garder ma place
                </Button>
              </div>
            ) : (
              <div className="mn-actions">
                <Button variant="danger" onClick={() => setConfirming(true)}>
                  Annuler mon inscription
                </Button>
              </div>
            )}
          </section>
        </>
      ) : r.status === "confirmed" || r.status === "waitlisted" ? (
        <p>Il n'est plus possible de modifier cette inscription en ligne. En cas d'empêchement, prévenez l'équipe de l'atelier.</p>
      ) : null}
      <p>
        <Link href="/">Voir les ateliers à venir</Link>
      </p>
    </>
  );
}

function Done({ message }: { message: string }) {
  const ref = useFocusOnMount<HTMLDivElement>();
  return (
    <div tabIndex={-1} ref={ref}>
      <Alert type="success">
        <p>{message}</p>
      </Alert>
    </div>
  );
}
