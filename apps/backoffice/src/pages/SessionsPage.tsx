import { useQuery } from "@tanstack/react-query";
import { Link } from "wouter";
import { formatDateTime, formatDuration, sessionStatuses } from "@medianum/domain";
import { Badge, DataTable, EmptyState } from "@medianum/ui";
import { useTRPC } from "@medianum/api-client";
import { QueryState, Title } from "./common.js";

export function SessionsPage() {
  const trpc = useTRPC();
  const sessions = useQuery(trpc.workshop.sessions.queryOptions({}));
  return (
    <>
      <Title title="Séances" />
      <h1>Séances d'ateliers</h1>
      <p>Séances de la semaine passée et à venir. Choisissez une séance pour voir ses inscriptions.</p>
      <p className="mn-actions">
        <Link href="/seances/nouvelle" className="mn-button">
          Nouvelle séance
        </Link>
        <Link href="/ateliers" className="mn-button mn-button--secondary">
          Catalogue des ateliers
        </Link>
      </p>
      <QueryState query={sessions} loadingLabel="Chargement des séances…" errorTitle="Les séances n'ont pas pu être affichées.">
        {() =>
          sessions.data && sessions.data.length > 0 ? (
            <DataTable
              caption={`Séances (${sessions.data.length})`}
              rows={sessions.data}
              rowKey={(s) => s.id}
              columns={[
                // Duration under the date and the waiting list beside the seats: fewer columns, no sideways scroll.
                {
                  key: "date",
                  header: "Date",
                  render: (s) => (
                    <>
                      {formatDateTime(s.startsAt)}
                      <br />
                      <span className="mn-hint">{formatDuration(s.durationMinutes)}</span>
                    </>
                  ),
                },
                {
                  key: "title",
                  header: "Atelier",
                  rowHeader: true,
                  render: (s) => <Link href={`/seances/${s.id}`}>{s.title}</Link>,
                },
                { key: "place", header: "Lieu", render: (s) => `${s.place.name}, ${s.place.communeName}` },
                {
                  key: "seats",
                  header: "Inscrits",
                  render: (s) => (
                    <>
                      {s.seatsTaken} / {s.capacity}
                      {s.seatsTaken >= s.capacity ? (
                        <>
                          {" "}
                          <Badge tone="danger">Complet</Badge>
                        </>
                      ) : null}
                      {s.waitlisted ? (
                        <>
                          <br />
                          <span className="mn-hint">{s.waitlisted} en liste d'attente</span>
                        </>
                      ) : null}
                    </>
                  ),
                },
                {
                  key: "status",
                  header: "Statut",
                  render: (s) => <Badge tone={s.status === "cancelled" ? "danger" : "neutral"}>{sessionStatuses.label(s.status)}</Badge>,
                },
                {
                  key: "counsellors",
                  header: "Conseillers",
                  // Also on the session's page.
                  secondary: true,
                  render: (s) => (s.counsellors.length ? s.counsellors.map((c) => c.displayName).join(", ") : "Aucun"),
                },
              ]}
            />
          ) : (
            <EmptyState title="Aucune séance programmée." />
          )
        }
      </QueryState>
    </>
  );
}
