import { useQuery } from "@tanstack/react-query";
import { Link } from "wouter";
import { countOf, pluralWord } from "@medianum/domain";
import { Alert } from "@medianum/ui";
import { useTRPC } from "@medianum/api-client";

/**
 * E-mails that have not left, on the page staff open first: a failed message otherwise goes
 * unnoticed until a family calls. Nothing is shown when every message was sent.
 */
export function OutboxNotice() {
  const trpc = useTRPC();
  const q = useQuery(trpc.outbox.counts.queryOptions());
  if (!q.data) return null;
  const { pending, retrying, failed, smtpConfigured } = q.data;
  if (failed === 0 && (pending === 0 || !smtpConfigured)) return null;
  const lines = [
    failed > 0 ? `${countOf(failed, "e-mail")} non ${pluralWord(failed, "envoyé")} après plusieurs essais : à renvoyer depuis Messages.` : null,
    pending > 0 ? `${countOf(pending, "e-mail")} en attente d'envoi${retrying > 0 ? `, dont ${retrying} après un échec` : ""}.` : null,
  ].filter(Boolean);
  return (
    <Alert type={failed > 0 ? "error" : "warning"} title="Messages" role="status">
      {lines.map((l) => (
        <p key={l}>{l}</p>
      ))}
      <p>
        <Link href="/messages">Voir les messages</Link>
      </p>
    </Alert>
  );
}
