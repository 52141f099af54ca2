import { Link } from "wouter";
import { countOf, formatDateTime, formatDuration, type CounsellorCollegeSessionView } from "@medianum/domain";
import { Badge, EmptyState, Spinner } from "@medianum/ui";
import { Title } from "../../common.js";
import { useDevice } from "../../offline/device.js";
import { getMeta, type OutboxStatus } from "../../offline/db.js";
import { useLive } from "../../offline/live.js";

interface Item {
  session: CounsellorCollegeSessionView;
  /** Where its report stands on this device, if one was typed and not yet confirmed. */
  queued: OutboxStatus | null;
}

/** My collège sessions, read from the device: reports to fill first, then the coming ones, then those reported. */
export function MyCollegeSessionsPage() {
  const { db } = useDevice();
  const data = useLive(async () => {
    const [sessions, reports, at] = await Promise.all([
      db.collegeSessions.orderBy("startsAt").toArray(),
      db.outbox.filter((o) => o.kind === "college.report").toArray(),
      getMeta<number>(db, "snapshotAt"),
    ]);
    const queued = new Map(reports.map((o) => [(o.payload as { sessionId: string }).sessionId, o.status]));
    const items: Item[] = sessions.filter((s) => s.status !== "cancelled").map((session) => ({ session, queued: queued.get(session.id) ?? null }));
    return { items, at: at ?? null };
  }, [db]);
  return (
    <>
      <Title title="Mes séances en collège" />
      <h1>Mes séances en collège</h1>
      {!data ? (
        <Spinner label="Chargement des séances…" />
      ) : data.items.length === 0 ? (
        <EmptyState title="Aucune séance en collège ne vous est confiée pour le moment.">
          {data.at ? null : <p>Vos séances arriveront sur cet appareil à la prochaine connexion au réseau.</p>}
        </EmptyState>
      ) : (
        (() => {
          const now = Date.now();
          const done = (i: Item) => i.session.report !== null || i.queued !== null;
          const toReport = data.items.filter((i) => !done(i) && i.session.startsAt.getTime() <= now);
          const coming = data.items.filter((i) => !done(i) && i.session.startsAt.getTime() > now);
          // Most recent first: the one just filed is on top.
          const reported = data.items.filter(done).reverse();
          return (
            <>
              <List title="Compte rendu à remplir" items={toReport} empty="Aucun compte rendu en attente." />
              <List title="À venir" items={coming} empty="Aucune séance à venir." />
              <List title="Comptes rendus" items={reported} empty="Aucun pour le moment." />
            </>
          );
        })()
      )}
    </>
  );
}

function ReportBadge({ item }: { item: Item }) {
  if (item.queued === "rejected") return <Badge tone="danger">Compte rendu à corriger</Badge>;
  if (item.queued) return <Badge tone="warning">Compte rendu en attente d'envoi</Badge>;
  if (item.session.report) return <Badge tone="success">Compte rendu envoyé</Badge>;
  return null;
}

function List({ title, items, empty }: { title: string; items: Item[]; empty: string }) {
  const id = `liste-${title.replace(/\W+/g, "-")}`;
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>
        {title} ({items.length})
      </h2>
      {items.length === 0 ? (
        <p>{empty}</p>
      ) : (
        <ul className="mn-card-list">
          {items.map((item) => {
            const s = item.session;
            return (
              <li className="mn-card" key={s.id}>
                <h3 className="mn-card__title">
                  <Link href={`/colleges/${s.id}`}>
                    {s.establishmentName}, {formatDateTime(s.startsAt)}
                  </Link>
                </h3>
                <p>
                  {s.communeName} · {formatDuration(s.durationMinutes)} · {countOf(s.classes.reduce((n, c) => n + c.pupils, 0), "élève")} <ReportBadge item={item} />
                </p>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
