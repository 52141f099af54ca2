import { useState, type FormEvent } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link } from "wouter";
import {
  classLevels,
  collegeRequestStatuses,
  collegeTopics,
  formatDate,
  formatDateTime,
  formatDuration,
  type CollegeRequestStatus,
} from "@medianum/domain";
import {
  Alert,
  Badge,
  Button,
  DataTable,
  Spinner,
  TextArea,
  readApiError,
  useDocumentTitle,
  type BadgeTone,
} from "@medianum/ui";
import { useTRPC } from "@medianum/api-client";
import { FeedbackForm } from "../feedback/FeedbackForm.js";
import { COLLEGE_SITE, dayLabel } from "./common.js";

const WHAT_NEXT: Record<CollegeRequestStatus, string> = {
  received: "Nous avons bien reçu votre demande. L'équipe de coordination va l'étudier.",
  under_review: "L'équipe de coordination étudie votre demande et cherche une date avec un conseiller numérique.",
  scheduled: "Votre demande est programmée : les séances prévues sont ci-dessous.",
  done: "Les séances ont eu lieu. Merci pour votre accueil !",
  declined: "Nous ne pouvons pas donner suite à cette demande.",
  cancelled: "Cette demande est annulée.",
};
const ACTORS = { staff: "l'équipe du Département", college: "le collège", counsellor: "le conseiller numérique" } as const;

function tone(s: CollegeRequestStatus): BadgeTone {
  return s === "scheduled" || s === "done" ? "success" : s === "declined" || s === "cancelled" ? "danger" : "info";
}

export default function CollegeTrackingPage({ token }: { token: string }) {
  const trpc = useTRPC();
  const q = useQuery(trpc.college.tracking.queryOptions({ token }));
  const r = q.data;
  const notFound = q.isError && ["NOT_FOUND", "BAD_REQUEST"].includes(readApiError(q.error).code ?? "");
  useDocumentTitle(r ? `Suivi de la demande — ${r.establishmentName}` : notFound ? "Lien de suivi inconnu" : "Suivi de votre demande", COLLEGE_SITE);

  if (q.isPending) {
    return (
      <>
        <h1>Suivi de votre demande</h1>
        <Spinner label="Chargement de la demande…" />
      </>
    );
  }
  if (q.isError || !r) {
    return (
      <>
        <h1>{notFound ? "Lien de suivi inconnu" : "Suivi de votre demande"}</h1>
        {notFound ? (
          // A shortened or mistyped link fails validation (400) as an unknown one (404) does: same words.
          <p>
            Ce lien ne correspond à aucune demande. Vérifiez qu'il a été copié en entier depuis l'e-mail de confirmation de votre demande, ou
            contactez l'équipe de coordination.
          </p>
        ) : (
          <Alert type="error" title="La demande n'a pas pu être affichée.">
            <p>{readApiError(q.error).message}</p>
            <Button variant="secondary" size="small" onClick={() => void q.refetch()}>
              Réessayer
            </Button>
          </Alert>
        )}
        <p>
          <Link href="/colleges/demande">Faire une nouvelle demande</Link>
        </p>
      </>
    );
  }

  const sessions = r.sessions.filter((s) => s.status !== "cancelled");
  return (
    <>
      <h1>Suivi de la demande — {r.establishmentName}</h1>
      <p>
        Statut : <Badge tone={tone(r.status)}>{collegeRequestStatuses.label(r.status)}</Badge>
      </p>
      <p>{WHAT_NEXT[r.status]}</p>
      {r.declineReason && r.status === "declined" ? (
        <Alert type="warning" role="none" title="Motif">
          <p>{r.declineReason}</p>
        </Alert>
      ) : null}

      {sessions.length > 0 ? (
        <section aria-labelledby="seances">
          <h2 id="seances">{sessions.length > 1 ? `Les ${sessions.length} séances` : "La séance"}</h2>
          <ul className="mn-card-list">
            {sessions.map((s, i) => (
              <li className="mn-card" key={i}>
                <h3 className="mn-card__title">{formatDateTime(s.startsAt)}</h3>
                <dl className="mn-details">
                  <dt>Durée</dt>
                  <dd>{formatDuration(s.durationMinutes)}</dd>
                  <dt>Lieu</dt>
                  <dd>
                    {s.room ? `${s.room}, ` : ""}
                    {s.address ? `${s.address}, ` : ""}
                    {s.communeName}
                  </dd>
                  <dt>Classes</dt>
                  <dd>{s.classes.join(", ")}</dd>
                  <dt>{s.counsellors.length > 1 ? "Intervenants" : "Intervenant"}</dt>
                  <dd>{s.counsellors.join(", ")}</dd>
                  <dt>État</dt>
                  <dd>{s.status === "done" ? "Réalisée" : "Prévue"}</dd>
                </dl>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <CollegeFeedback token={token} />

      <h2>Votre demande</h2>
      <dl className="mn-details">
        <dt>Envoyée le</dt>
        <dd>{formatDate(r.createdAt)}</dd>
        <dt>Par</dt>
        <dd>{r.requesterName}</dd>
        <dt>Sujets</dt>
        <dd>
          {r.topics.map((t) => collegeTopics.label(t)).join(", ")}
          {r.otherTopic ? ` — ${r.otherTopic}` : ""}
        </dd>
        <dt>Périodes souhaitées</dt>
        <dd>
          <ul>
            {r.periods.map((p) => (
              <li key={`${p.from}-${p.to}`}>
                {p.from === p.to ? `le ${dayLabel(p.from, formatDate)}` : `du ${dayLabel(p.from, formatDate)} au ${dayLabel(p.to, formatDate)}`}
              </li>
            ))}
          </ul>
        </dd>
      </dl>
      <DataTable
        caption={`Classes (${r.classes.length})`}
        rows={r.classes.map((c, i) => ({ ...c, i }))}
        rowKey={(c) => String(c.i)}
        columns={[
          { key: "name", header: "Classe", rowHeader: true, render: (c) => c.name ?? classLevels.label(c.level) },
          { key: "level", header: "Niveau", render: (c) => classLevels.label(c.level) },
          { key: "pupils", header: "Élèves", render: (c) => c.pupils },
        ]}
      />

      <h2>Historique</h2>
      <ol>
        {r.history.map((e, i) => (
          <li key={i}>
            {formatDateTime(e.createdAt)} : {collegeRequestStatuses.label(e.toStatus)}, par {ACTORS[e.actorType]}
            {e.reason ? ` — ${e.reason}` : ""}
          </li>
        ))}
      </ol>

      <Messages token={token} messages={r.messages} canMessage={r.canMessage} />
      {r.canCancel ? <CancelRequest token={token} /> : null}
    </>
  );
}

function Messages({ token, messages, canMessage }: { token: string; messages: { author: "college" | "staff"; body: string; createdAt: Date }[]; canMessage: boolean }) {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const [body, setBody] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [sent, setSent] = useState(false);
  const send = useMutation(
    trpc.college.trackingMessage.mutationOptions({
      onSuccess: () => {
        setBody("");
        setSent(true);
        void qc.invalidateQueries({ queryKey: trpc.college.tracking.queryKey({ token }) });
      },
      onError: (e) => {
        const info = readApiError(e);
        setError(info.fieldErrors.body ?? info.message);
      },
    }),
  );
  function onSubmit(e: FormEvent) {
    e.preventDefault();
    setSent(false);
    if (!body.trim()) {
      setError("Votre message : ce champ est obligatoire.");
      document.getElementById("message-body")?.focus();
      return;
    }
    setError(null);
    send.mutate({ token, body });
  }
  return (
    <section aria-labelledby="messages">
      <h2 id="messages">Messages</h2>
      {messages.length === 0 ? (
        <p>Aucun message pour le moment.</p>
      ) : (
        <ul className="mn-card-list">
          {messages.map((m, i) => (
            <li className="mn-card" key={i}>
              <p>
                <strong>{m.author === "college" ? "Vous" : "L'équipe du Département"}</strong>, {formatDateTime(m.createdAt)}
              </p>
              <p style={{ whiteSpace: "pre-line" }}>{m.body}</p>
            </li>
          ))}
        </ul>
      )}
      {canMessage ? (
        <form noValidate onSubmit={onSubmit}>
          {sent ? (
            <Alert type="success">
              <p>Message envoyé à l'équipe de coordination.</p>
            </Alert>
          ) : null}
          <TextArea
            label="Écrire à l'équipe de coordination"
            name="message-body"
            hint="Une précision, un changement de classe ou de date…"
            value={body}
            onChange={(e) => setBody(e.target.value)}
            error={error}
          />
          <div className="mn-actions">
            <Button type="submit" variant="secondary" loading={send.isPending} loadingLabel="Envoi…">
              Envoyer le message
            </Button>
          </div>
        </form>
      ) : null}
    </section>
  );
}

function CancelRequest({ token }: { token: string }) {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | null>(null);
  const cancel = useMutation(
    trpc.college.trackingCancel.mutationOptions({
      onSuccess: () => {
        setOpen(false);
        void qc.invalidateQueries({ queryKey: trpc.college.tracking.queryKey({ token }) });
        setTimeout(() => document.getElementById("contenu")?.focus(), 0);
      },
      onError: (e) => setError(readApiError(e).message),
    }),
  );
  return (
    <section aria-labelledby="annuler">
      <h2 id="annuler">Annuler la demande</h2>
      {!open ? (
        <>
          <p>Si les séances ne sont plus utiles, prévenez-nous : le conseiller pourra aller dans un autre établissement.</p>
          <Button
            variant="secondary"
            onClick={() => {
              setOpen(true);
              setTimeout(() => document.getElementById("cancel-reason")?.focus(), 0);
            }}
          >
            Annuler la demande…
          </Button>
        </>
      ) : (
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            cancel.mutate({ token, reason });
          }}
        >
          {error ? (
            <Alert type="error" title="L'annulation n'a pas abouti.">
              <p>{error}</p>
            </Alert>
          ) : null}
          <TextArea label="Motif de l'annulation" name="cancel-reason" optional value={reason} onChange={(e) => setReason(e.target.value)} />
          <div className="mn-actions">
            <Button type="submit" variant="danger" loading={cancel.isPending} loadingLabel="Annulation…">
              Confirmer l'annulation
            </Button>
            <Button variant="secondary" onClick={() => setOpen(false)}>
              Garder la demande
            </Button>
          </div>
        </form>
      )}
    </section>
  );
}

/** The questionnaire of each reported session, answered once by the collège (anonymously in the figures). */
function CollegeFeedback({ token }: { token: string }) {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const q = useQuery(trpc.feedback.collegePending.queryOptions({ token }));
  const [open, setOpen] = useState<string | null>(null);
  const submit = useMutation(
    trpc.feedback.collegeSubmit.mutationOptions({
      onSuccess: () => {
        setOpen(null);
        void qc.invalidateQueries({ queryKey: trpc.feedback.collegePending.queryKey({ token }) });
      },
    }),
  );
  const items = q.data ?? [];
  if (items.length === 0) return null;
  return (
    <section aria-labelledby="avis">
      <h2 id="avis">Votre avis sur les séances</h2>
      <p>Quatre questions après chaque séance réalisée : vos réponses aident l'équipe à améliorer ses interventions.</p>
      <ul className="mn-card-list">
        {items.map((s) => (
          <li className="mn-card" key={s.sessionId}>
            <h3 className="mn-card__title">Séance du {formatDateTime(s.startsAt)}</h3>
            {s.answered ? (
              <p>
                <Badge tone="success">Avis donné</Badge> Merci !
              </p>
            ) : open === s.sessionId ? (
              <FeedbackForm
                idPrefix={`s${s.sessionId.slice(0, 8)}-`}
                onSubmit={(answers) => submit.mutate({ token, sessionId: s.sessionId, answers })}
                pending={submit.isPending}
                error={submit.error}
              />
            ) : (
              <Button
                variant="secondary"
                onClick={() => {
                  submit.reset();
                  setOpen(s.sessionId);
                }}
              >
                Donner notre avis sur cette séance
              </Button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
