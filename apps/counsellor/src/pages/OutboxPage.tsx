import { Link } from "wouter";
import { countOf, formatDateTime, RECORD_FIELD_LABELS, type ActivityRecordView } from "@medianum/domain";
import { Alert, Badge, Button, EmptyState, Spinner } from "@medianum/ui";
import { Title } from "../common.js";
import { useDevice } from "../offline/device.js";
import { useEngineState, useLive } from "../offline/live.js";
import { discard, resolveConflict, retryNow } from "../offline/outbox.js";
import type { OutboxItem } from "../offline/db.js";
import { describeField, describeOutboxItem } from "./describe.js";

/** What waits on the device, what failed and why; retry, fix, or choose in a conflict. */
export function OutboxPage() {
  const { db, engine } = useDevice();
  const state = useEngineState(engine);
  const items = useLive(() => db.outbox.orderBy("seq").toArray(), [db]);
  const mine = useLive(async () => new Map((await db.records.toArray()).map((r) => [r.id, r])), [db]);
  return (
    <>
      <Title title="Envois" />
      <h1>Envois</h1>
      <p>Vos saisies sont d'abord enregistrées sur cet appareil, puis envoyées dans l'ordre dès que le réseau le permet.</p>
      {state.lastSyncAt ? <p className="mn-hint">Dernier échange avec le serveur : {formatDateTime(new Date(state.lastSyncAt))}.</p> : null}
      {state.lastError ? (
        <Alert type="warning">
          <p>{state.lastError}</p>
        </Alert>
      ) : null}
      {!items ? (
        <Spinner />
      ) : items.length === 0 ? (
        <EmptyState title="Tout est envoyé.">
          <p>Rien n'attend sur cet appareil.</p>
        </EmptyState>
      ) : (
        <ul className="mn-card-list">
          {items.map((item) => (
            <li className="mn-card" key={item.seq}>
              <OutboxEntry item={item} local={mine?.get(item.entityId)} />
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

function editHref(item: OutboxItem): string | null {
  if (item.kind.startsWith("activity.individual")) return `/accompagnements/${item.entityId}/modifier`;
  if (item.kind.startsWith("activity.collective")) return `/ateliers/${item.entityId}/modifier`;
  if (item.kind === "pass.prescription") return `/pass-numerique?corriger=${item.entityId}`;
  if (item.kind === "college.report") return `/colleges/${(item.payload as { sessionId: string }).sessionId}`;
  if (item.kind === "attendance.checkin") return `/seances/${(item.payload as { sessionId: string }).sessionId}/presences`;
  return null;
}

function OutboxEntry({ item, local }: { item: OutboxItem; local: ActivityRecordView | undefined }) {
  const { db, engine } = useDevice();
  const tone = item.status === "rejected" || item.status === "conflict" ? "danger" : "warning";
  const label = { pending: "En attente", sending: "Envoi en cours", rejected: "Refusé", conflict: "Modifié ailleurs" }[item.status];
  const href = editHref(item);
  const { title, when } = describeOutboxItem(item);
  return (
    <>
      <h2 className="mn-card__title">
        {title} <Badge tone={tone}>{label}</Badge>
      </h2>
      <p>
        {when}
        {item.attempts > 0 && item.status === "pending" ? ` · ${countOf(item.attempts, "essai")} sans réseau, prochain essai automatique` : ""}
      </p>
      {item.status === "rejected" ? (
        <Alert type="error" title="Le serveur a refusé cette saisie.">
          <p>{item.message}</p>
          {Object.entries(item.fieldErrors ?? {}).map(([field, messages]) => (
            <p key={field}>
              {RECORD_FIELD_LABELS[field] ?? field} : {messages.join(" ")}
            </p>
          ))}
        </Alert>
      ) : null}
      {item.status === "conflict" && item.server ? <Conflict mine={local} server={item.server} message={item.message ?? ""} /> : null}
      <p className="mn-actions">
        {item.status === "rejected" && href ? (
          <Link href={href} className="mn-button mn-button--small">
            Corriger<span className="mn-visually-hidden"> : {title}</span>
          </Link>
        ) : null}
        {item.status === "conflict" ? (
          <>
            <Button size="small" onClick={() => void resolveConflict(db, item.seq!, "mine").then(() => engine.run({ now: true }))}>
              Garder ma version
            </Button>
            <Button size="small" variant="secondary" onClick={() => void resolveConflict(db, item.seq!, "theirs")}>
              Garder la version du serveur
            </Button>
          </>
        ) : null}
        {item.status === "pending" || item.status === "rejected" ? (
          <Button size="small" variant="secondary" onClick={() => void retryNow(db, item.seq!).then(() => engine.run({ now: true }))}>
            Réessayer maintenant<span className="mn-visually-hidden"> : {title}</span>
          </Button>
        ) : null}
        {item.status === "rejected" || item.status === "conflict" ? (
          <Button size="small" variant="danger" onClick={() => void discard(db, item.seq!)}>
            Abandonner cette saisie<span className="mn-visually-hidden"> : {title}</span>
          </Button>
        ) : null}
      </p>
    </>
  );
}

/** Both versions side by side, only the fields that differ. */
function Conflict({ mine, server, message }: { mine: ActivityRecordView | undefined; server: ActivityRecordView; message: string }) {
  const fields = Object.keys(RECORD_FIELD_LABELS).filter((k) => JSON.stringify(mine?.[k as keyof ActivityRecordView] ?? null) !== JSON.stringify(server[k as keyof ActivityRecordView] ?? null));
  return (
    <Alert type="warning" title={message}>
      <table className="mn-compare">
        <caption className="mn-visually-hidden">Différences entre votre version et celle du serveur</caption>
        <thead>
          <tr>
            <th scope="col">Champ</th>
            <th scope="col">Ma version</th>
            <th scope="col">Version du serveur</th>
          </tr>
        </thead>
        <tbody>
          {fields.map((f) => (
            <tr key={f}>
              <th scope="row">{RECORD_FIELD_LABELS[f]}</th>
              <td>{mine ? describeField(f, mine) : "—"}</td>
              <td>{describeField(f, server)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Alert>
  );
}
