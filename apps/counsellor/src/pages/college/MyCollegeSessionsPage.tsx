import { useQuery } from "@tanstack/react-query";
import { Link } from "wouter";
import { formatDateTime, formatDuration } from "@medianum/domain";
import { Badge, EmptyState } from "@medianum/ui";
import { useTRPC } from "../../trpc.js";
import { QueryState, Title } from "../../common.js";

/** My collège sessions: the ones waiting for a report first, then the coming ones. */
export function MyCollegeSessionsPage() {
  const trpc = useTRPC();
  const q = useQuery(trpc.college.mySessions.queryOptions());
  return (
    <>
      <Title title="Mes séances en collège" />
      <h1>Mes séances en collège</h1>
      <QueryState query={q} loadingLabel="Chargement des séances…" errorTitle="Les séances n'ont pas pu être affichées.">
        {() => {
          const now = Date.now();
          const items = q.data ?? [];
          const toReport = items.filter((s) => !s.reported && s.startsAt.getTime() <= now);
          const coming = items.filter((s) => !s.reported && s.startsAt.getTime() > now);
          const reported = items.filter((s) => s.reported);
          if (items.length === 0) {
            return <EmptyState title="Aucune séance en collège ne vous est confiée pour le moment." />;
          }
          return (
            <>
              <List title="Compte rendu à remplir" items={toReport} empty="Aucun compte rendu en attente." />
              <List title="À venir" items={coming} empty="Aucune séance à venir." />
              <List title="Comptes rendus envoyés" items={reported} empty="Aucun pour le moment." />
            </>
          );
        }}
      </QueryState>
    </>
  );
}

function List({
  title,
  items,
  empty,
}: {
  title: string;
  items: { id: string; startsAt: Date; durationMinutes: number; establishmentName: string; communeName: string; reported: boolean; pupils: number }[];
  empty: string;
}) {
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
          {items.map((s) => (
            <li className="mn-card" key={s.id}>
              <h3 className="mn-card__title">
                <Link href={`/colleges/${s.id}`}>
                  {s.establishmentName}, {formatDateTime(s.startsAt)}
                </Link>
              </h3>
              <p>
                {s.communeName} · {formatDuration(s.durationMinutes)} · {s.pupils} élèves{" "}
                {s.reported ? <Badge tone="success">Compte rendu envoyé</Badge> : null}
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
