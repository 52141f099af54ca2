import { useState } from "react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { CollegeRequestStatus } from "@medianum/domain";
import { Alert, Button, TextArea, readApiError } from "@medianum/ui";
import { useTRPC } from "@medianum/api-client";

/** Status changes other than scheduling: take the request in hand, decline it, cancel it. */
export function RequestActions({ requestId, allowed }: { requestId: string; allowed: CollegeRequestStatus[] }) {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const refresh = () => void qc.invalidateQueries({ queryKey: trpc.college.pathKey() });
  const review = useMutation(trpc.college.startReview.mutationOptions({ onSuccess: refresh, onError: (e) => setError(readApiError(e).message) }));
  if (allowed.length === 0) return null;
  return (
    <section aria-labelledby="actions">
      <h2 id="actions">Décider</h2>
      {error ? (
        <Alert type="error" title="Le changement n'a pas pu être enregistré.">
          <p>{error}</p>
        </Alert>
      ) : null}
      {allowed.includes("under_review") ? (
        <p>
          <Button variant="secondary" loading={review.isPending} onClick={() => review.mutate({ requestId })}>
            Passer « En cours d'étude » et prévenir le collège
          </Button>
        </p>
      ) : null}
      {allowed.includes("declined") ? <ReasonForm requestId={requestId} kind="decline" onDone={refresh} /> : null}
      {allowed.includes("cancelled") ? <ReasonForm requestId={requestId} kind="cancel" onDone={refresh} /> : null}
    </section>
  );
}

const TEXT = {
  decline: { open: "Décliner la demande…", label: "Motif du refus", hint: "Il est communiqué au collège.", confirm: "Décliner et prévenir le collège", fail: "Le refus n'a pas pu être enregistré." },
  cancel: { open: "Annuler la demande…", label: "Motif de l'annulation", hint: "Il est communiqué au collège ; les séances prévues sont annulées.", confirm: "Annuler et prévenir le collège", fail: "L'annulation n'a pas pu être enregistrée." },
} as const;

function ReasonForm({ requestId, kind, onDone }: { requestId: string; kind: "decline" | "cancel"; onDone: () => void }) {
  const trpc = useTRPC();
  const t = TEXT[kind];
  const id = `${kind}-reason`;
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | null>(null);
  const options = {
    onSuccess: () => {
      setOpen(false);
      onDone();
    },
    onError: (e: unknown) => {
      const info = readApiError(e);
      setError(info.fieldErrors.reason ?? info.message);
    },
  };
  const decline = useMutation(trpc.college.decline.mutationOptions(options));
  const cancel = useMutation(trpc.college.cancel.mutationOptions(options));
  const m = kind === "decline" ? decline : cancel;
  if (!open) {
    return (
      <p>
        <Button
          variant={kind === "decline" ? "secondary" : "danger"}
          onClick={() => {
            setOpen(true);
            setTimeout(() => document.getElementById(id)?.focus(), 0);
          }}
        >
          {t.open}
        </Button>
      </p>
    );
  }
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (!reason.trim()) {
          setError(`${t.label} : ce champ est obligatoire.`);
          document.getElementById(id)?.focus();
          return;
        }
        setError(null);
        m.mutate({ requestId, reason });
      }}
    >
      <TextArea label={t.label} name={id} hint={t.hint} value={reason} onChange={(e) => setReason(e.target.value)} error={error} />
      <div className="mn-actions">
        <Button type="submit" variant="danger" loading={m.isPending} loadingLabel="Enregistrement…">
          {t.confirm}
        </Button>
        <Button variant="secondary" onClick={() => setOpen(false)}>
          Ne rien changer
        </Button>
      </div>
    </form>
  );
}
