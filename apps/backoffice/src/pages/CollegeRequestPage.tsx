import { useQuery } from "@tanstack/react-query";
import { Link } from "wouter";
import { classLevels, collegeRequestStatuses, collegeTopics, formatDate, formatDateTime, requesterRoles } from "@medianum/domain";
import { Badge, DataTable, readApiError } from "@medianum/ui";
import { useTRPC } from "@medianum/api-client";
import { formatIsoDay, QueryState, requestTone, Title } from "./common.js";
import { MessagesSection } from "./college/MessagesSection.js";
import { RequestActions } from "./college/RequestActions.js";
import { ScheduleForm } from "./college/ScheduleForm.js";
import { SessionsList } from "./college/SessionsList.js";

const ACTORS = { staff: "l'équipe du Département", college: "le collège", counsellor: "le conseiller ou la conseillère" } as const;

export function CollegeRequestPage({ id }: { id: string }) {
  const trpc = useTRPC();
  const q = useQuery(trpc.college.request.queryOptions({ id }));
  const notFound = q.isError && ["NOT_FOUND", "BAD_REQUEST"].includes(readApiError(q.error).code ?? "");
  const r = q.data;
  return (
    <>
      <Title title={r ? `Demande — ${r.establishmentName}` : "Demande d'un collège"} />
      <p>
        <Link href="/demandes">← Toutes les demandes</Link>
      </p>
      <h1>{r ? r.establishmentName : notFound ? "Demande introuvable" : "Demande d'un collège"}</h1>
      {notFound ? (
        <p>Cette demande n'existe pas ou a été supprimée.</p>
      ) : (
        <QueryState query={q} loadingLabel="Chargement de la demande…" errorTitle="La demande n'a pas pu être affichée.">
          {() =>
            r ? (
              <>
                <p>
                  <Badge tone={requestTone(r.status)}>{collegeRequestStatuses.label(r.status)}</Badge> Reçue le{" "}
                  {formatDate(r.createdAt)}
                </p>
                <h2>Établissement et contact</h2>
                <dl className="mn-details">
                  <dt>Code UAI</dt>
                  <dd>{r.uai}</dd>
                  <dt>Adresse</dt>
                  <dd>
                    {r.address ? `${r.address}, ` : ""}
                    {r.communeName}
                  </dd>
                  <dt>Demandeur</dt>
                  <dd>
                    {r.requesterName} ({requesterRoles.label(r.requesterRole)})
                  </dd>
                  <dt>E-mail</dt>
                  <dd>
                    <a href={`mailto:${r.email}`}>{r.email}</a>
                  </dd>
                  <dt>Téléphone</dt>
                  <dd>{r.phone ? <a href={`tel:${r.phone}`}>{r.phone}</a> : "Non indiqué"}</dd>
                </dl>

                <h2>Demande</h2>
                <dl className="mn-details">
                  <dt>Sujets</dt>
                  <dd>
                    {r.topics.map((t) => collegeTopics.label(t)).join(", ")}
                    {r.otherTopic ? ` — ${r.otherTopic}` : ""}
                  </dd>
                  <dt>Périodes souhaitées</dt>
                  <dd>
                    {r.periods.length ? (
                      <ul>
                        {r.periods.map((p) => (
                          <li key={`${p.from}-${p.to}`}>
                            du {formatIsoDay(p.from, formatDate)} au {formatIsoDay(p.to, formatDate)}
                          </li>
                        ))}
                      </ul>
                    ) : (
                      "Non indiquées"
                    )}
                  </dd>
                  <dt>Contraintes</dt>
                  <dd>{r.constraints || "Aucune"}</dd>
                  {r.declineReason ? (
                    <>
                      <dt>Motif du refus</dt>
                      <dd>{r.declineReason}</dd>
                    </>
                  ) : null}
                </dl>

                <h2>Classes</h2>
                <DataTable
                  caption={`Classes concernées (${r.classes.length}, ${r.classes.reduce((n, c) => n + c.pupils, 0)} élèves)`}
                  rows={r.classes}
                  rowKey={(c) => c.id}
                  columns={[
                    { key: "level", header: "Niveau", rowHeader: true, render: (c) => classLevels.label(c.level) },
                    { key: "name", header: "Classe", render: (c) => c.name ?? "—" },
                    { key: "pupils", header: "Élèves", render: (c) => c.pupils },
                  ]}
                />

                <h2>Séances</h2>
                <SessionsList sessions={r.sessions} />
                {["received", "under_review", "scheduled"].includes(r.status) ? (
                  // Not re-keyed on new sessions: a remount would wipe the "Séance programmée" confirmation as soon as the list refreshes.
                  <ScheduleForm
                    requestId={r.id}
                    classes={r.classes}
                    plannedClassIds={new Set(r.sessions.filter((s) => s.status !== "cancelled").flatMap((s) => s.classes.map((c) => c.id)))}
                  />
                ) : null}
                <RequestActions requestId={r.id} allowed={r.allowedTransitions.filter(
                    // Scheduling has its form; "done" comes with the report; a scheduled request goes back to review by cancelling its sessions.
                    (t) => t !== "scheduled" && t !== "done" && !(r.status === "scheduled" && t === "under_review"),
                  )} />
                <MessagesSection requestId={r.id} messages={r.messages} />

                <h2>Historique</h2>
                {r.events.length === 0 ? (
                  <p>Aucun changement de statut.</p>
                ) : (
                  <ol>
                    {r.events.map((e, i) => (
                      <li key={i}>
                        {formatDateTime(e.createdAt)} :{" "}
                        {e.fromStatus
                          ? `de « ${collegeRequestStatuses.label(e.fromStatus)} » à « ${collegeRequestStatuses.label(e.toStatus)} »`
                          : `« ${collegeRequestStatuses.label(e.toStatus)} »`}
                        , par {e.actorName ? `${e.actorName} (${ACTORS[e.actorType]})` : ACTORS[e.actorType]}
                        {e.reason ? ` — motif : ${e.reason}` : ""}
                      </li>
                    ))}
                  </ol>
                )}
              </>
            ) : null
          }
        </QueryState>
      )}
    </>
  );
}
