import { useState } from "react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { classLevels, formatDateTime, formatDuration, sessionStatuses, type CollegeSessionView } from "@medianum/domain";
import { Alert, Badge, Button, TextArea, readApiError } from "@medianum/ui";
import { useTRPC } from "@medianum/api-client";

export function SessionsList({ sessions }: { sessions: CollegeSessionView[] }) {
  if (sessions.length === 0) return <p>Aucune séance programmée pour le moment.</p>;
  return (
    <ul className="mn-card-list">
      {sessions.map((s) => (
        <li className="mn-card" key={s.id}>
          <h3 className="mn-card__title">{formatDateTime(s.startsAt)}</h3>
          <p>
            <Badge tone={s.status === "done" ? "success" : s.status === "cancelled" ? "danger" : "info"}>{sessionStatuses.label(s.status)}</Badge>
          </p>
          <dl className="mn-details">
            <dt>Durée</dt>
            <dd>{formatDuration(s.durationMinutes)}</dd>
            <dt>Salle</dt>
            <dd>{s.room ?? "Non précisée"}</dd>
            <dt>Classes</dt>
            <dd>
              {s.classes
                .map((c) => `${c.name ?? classLevels.label(c.level)} (${c.pupilsPresent != null ? `${c.pupilsPresent} présents sur ${c.pupils}` : `${c.pupils} élèves`})`)
                .join(", ")}
            </dd>
            <dt>Conseillers</dt>
            <dd>{s.counsellors.map((c) => c.displayName).join(", ")}</dd>
          </dl>
          {s.status === "scheduled" ? <CancelSession sessionId={s.id} when={formatDateTime(s.startsAt)} /> : null}
        </li>
      ))}
    </ul>
  );
}

function CancelSession({ sessionId, when }: { sessionId: string; when: string }) {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const id = `cancel-session-${sessionId}`;
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | null>(null);
  const cancel = useMutation(
    trpc.college.cancelSession.mutationOptions({
      onSuccess: () => void qc.invalidateQueries({ queryKey: trpc.college.pathKey() }),
      onError: (e) => setError(readApiError(e).fieldErrors.reason ?? readApiError(e).message),
    }),
  );
  if (!open) {
    return (
      <Button
        variant="secondary"
        size="small"
        onClick={() => {
          setOpen(true);
          setTimeout(() => document.getElementById(id)?.focus(), 0);
        }}
      >
        Annuler cette séance<span className="mn-visually-hidden"> du {when}</span>…
      </Button>
    );
  }
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (!reason.trim()) {
          setError("Motif : ce champ est obligatoire.");
          return;
        }
        cancel.mutate({ sessionId, reason });
      }}
    >
      {cancel.isError && !error ? <Alert type="error">{readApiError(cancel.error).message}</Alert> : null}
      <TextArea label={`Motif de l'annulation de la séance du ${when}`} name={id} hint="Communiqué au collège." value={reason} onChange={(e) => setReason(e.target.value)} error={error} />
      <div className="mn-actions">
        <Button type="submit" variant="danger" size="small" loading={cancel.isPending}>
          Annuler la séance et prévenir le collège
        </Button>
        <Button variant="secondary" size="small" onClick={() => setOpen(false)}>
          Garder la séance
        </Button>
      </div>
    </form>
  );
}
