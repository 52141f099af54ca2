import { useQuery } from "@tanstack/react-query";
import { Link } from "wouter";
import { formatDateTime, formatDuration, registrationStatuses, sessionStatuses } from "@medianum/domain";
import { Badge, DataTable, EmptyState, readApiError } from "@medianum/ui";
import { useTRPC } from "../trpc.js";
import { QueryState, registrationTone, Title } from "./common.js";

const SOURCES: Record<string, string> = { portal: "Portail", staff: "Équipe" };

export function SessionRegistrationsPage({ id }: { id: string }) {
  const trpc = useTRPC();
  const q = useQuery(trpc.workshop.sessionRegistrations.queryOptions({ sessionId: id }));
  const notFound = q.isError && ["NOT_FOUND", "BAD_REQUEST"].includes(readApiError(q.error).code ?? "");
  const s = q.data?.session;
  return (
    <>
      <Title title={s ? `Inscriptions — ${s.title}` : "Inscriptions"} />
      <p>
        <Link href="/seances">← Toutes les séances</Link>
      </p>
      <h1>{s ? s.title : notFound ? "Séance introuvable" : "Inscriptions à la séance"}</h1>
      {notFound ? (
        <p>Cette séance n'existe pas ou a été supprimée.</p>
      ) : (
        <QueryState query={q} loadingLabel="Chargement des inscriptions…" errorTitle="Les inscriptions n'ont pas pu être affichées.">
          {() =>
            q.data ? (
              <>
                <dl className="mn-details">
                  <dt>Date</dt>
                  <dd>
                    {formatDateTime(q.data.session.startsAt)} ({formatDuration(q.data.session.durationMinutes)})
                  </dd>
                  <dt>Lieu</dt>
                  <dd>
                    {q.data.session.place.name}, {q.data.session.place.communeName}
                  </dd>
                  <dt>Places</dt>
                  <dd>
                    {q.data.session.seatsTaken} prises sur {q.data.session.capacity}
                    {q.data.session.waitlisted ? `, ${q.data.session.waitlisted} en liste d'attente` : ""}
                  </dd>
                  <dt>Statut</dt>
                  <dd>{sessionStatuses.label(q.data.session.status)}</dd>
                  <dt>Conseillers</dt>
                  <dd>{q.data.session.counsellors.map((c) => c.displayName).join(", ") || "Aucun"}</dd>
                </dl>
                <h2>Inscriptions</h2>
                {q.data.registrations.length === 0 ? (
                  <EmptyState title="Personne n'est encore inscrit à cette séance." />
                ) : (
                  <DataTable
                    caption={`Inscriptions (${q.data.registrations.length})`}
                    hideCaption
                    rows={q.data.registrations}
                    rowKey={(r) => r.id}
                    columns={[
                      { key: "name", header: "Nom", rowHeader: true, render: (r) => `${r.firstName} ${r.lastName}` },
                      {
                        key: "contact",
                        header: "Contact",
                        render: (r) => (
                          <>
                            {r.email ? <a href={`mailto:${r.email}`}>{r.email}</a> : null}
                            {r.email && r.phone ? <br /> : null}
                            {r.phone ? <a href={`tel:${r.phone}`}>{r.phone}</a> : null}
                          </>
                        ),
                      },
                      { key: "seats", header: "Places", render: (r) => r.seats },
                      {
                        key: "status",
                        header: "Statut",
                        render: (r) => <Badge tone={registrationTone(r.status)}>{registrationStatuses.label(r.status)}</Badge>,
                      },
                      { key: "created", header: "Inscrit le", render: (r) => formatDateTime(r.createdAt) },
                      { key: "source", header: "Origine", render: (r) => SOURCES[r.source] ?? r.source },
                    ]}
                  />
                )}
              </>
            ) : null
          }
        </QueryState>
      )}
    </>
  );
}
