import { useState, type FormEvent } from "react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { formatDateTime } from "@medianum/domain";
import { Alert, Button, TextArea, readApiError } from "@medianum/ui";
import { useTRPC } from "@medianum/api-client";

export function MessagesSection({ requestId, messages }: { requestId: string; messages: { author: "college" | "staff"; body: string; createdAt: Date }[] }) {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const [body, setBody] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [sent, setSent] = useState(false);
  const send = useMutation(
    trpc.college.sendMessage.mutationOptions({
      onSuccess: () => {
        setBody("");
        setSent(true);
        void qc.invalidateQueries({ queryKey: trpc.college.request.queryKey({ id: requestId }) });
      },
      onError: (e) => setError(readApiError(e).fieldErrors.body ?? readApiError(e).message),
    }),
  );
  function onSubmit(e: FormEvent) {
    e.preventDefault();
    setSent(false);
    if (!body.trim()) {
      setError("Message : ce champ est obligatoire.");
      document.getElementById("staff-message")?.focus();
      return;
    }
    setError(null);
    send.mutate({ requestId, body });
  }
  return (
    <section aria-labelledby="echanges">
      <h2 id="echanges">Messages avec le collège</h2>
      {messages.length === 0 ? (
        <p>Aucun message.</p>
      ) : (
        <ul className="mn-card-list">
          {messages.map((m, i) => (
            <li className="mn-card" key={i}>
              <p>
                <strong>{m.author === "college" ? "Le collège" : "L'équipe"}</strong>, {formatDateTime(m.createdAt)}
              </p>
              <p style={{ whiteSpace: "pre-line" }}>{m.body}</p>
            </li>
          ))}
        </ul>
      )}
      <form noValidate onSubmit={onSubmit}>
        {sent ? (
          <Alert type="success">
            <p>Message envoyé au collège par e-mail.</p>
          </Alert>
        ) : null}
        <TextArea label="Écrire au collège" name="staff-message" hint="Envoyé par e-mail et visible sur sa page de suivi." value={body} onChange={(e) => setBody(e.target.value)} error={error} />
        <div className="mn-actions">
          <Button type="submit" variant="secondary" loading={send.isPending} loadingLabel="Envoi…">
            Envoyer le message
          </Button>
        </div>
      </form>
    </section>
  );
}
