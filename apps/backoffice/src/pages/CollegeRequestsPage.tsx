import { useState } from "react";
import { useQuery } from "@tanstack/react-query";
import { Link } from "wouter";
import { collegeRequestStatuses, collegeTopics, formatDate, type CollegeRequestStatus } from "@medianum/domain";
import { Badge, DataTable, EmptyState, SelectField } from "@medianum/ui";
import { useTRPC } from "../trpc.js";
import { QueryState, requestTone, Title } from "./common.js";

export function CollegeRequestsPage() {
  const trpc = useTRPC();
  const [status, setStatus] = useState<CollegeRequestStatus | "">("");
  const requests = useQuery(trpc.college.requests.queryOptions(status ? { status } : {}));
  return (
    <>
      <Title title="Demandes des collèges" />
      <h1>Demandes des collèges</h1>
      <p>Demandes de séances de sensibilisation envoyées par les collèges, les plus anciennes d'abord.</p>
      <SelectField
        label="Afficher les demandes"
        name="status"
        placeholder="Tous les statuts"
        options={collegeRequestStatuses.items}
        value={status}
        onChange={(e) => setStatus(collegeRequestStatuses.has(e.target.value) ? e.target.value : "")}
      />
      <QueryState query={requests} loadingLabel="Chargement des demandes…" errorTitle="Les demandes n'ont pas pu être affichées.">
        {() =>
          requests.data && requests.data.length > 0 ? (
            <DataTable
              caption={`Demandes (${requests.data.length})`}
              rows={requests.data}
              rowKey={(r) => r.id}
              columns={[
                { key: "created", header: "Reçue le", render: (r) => formatDate(r.createdAt) },
                {
                  key: "name",
                  header: "Établissement",
                  rowHeader: true,
                  render: (r) => <Link href={`/demandes/${r.id}`}>{r.establishmentName}</Link>,
                },
                { key: "commune", header: "Commune", render: (r) => r.communeName },
                { key: "requester", header: "Demandeur", render: (r) => r.requesterName },
                { key: "topics", header: "Sujets", render: (r) => r.topics.map((t) => collegeTopics.label(t)).join(", ") },
                {
                  key: "classes",
                  header: "Classes",
                  render: (r) => `${r.classesCount} classe${r.classesCount > 1 ? "s" : ""}, ${r.pupils} élèves`,
                },
                {
                  key: "status",
                  header: "Statut",
                  render: (r) => <Badge tone={requestTone(r.status)}>{collegeRequestStatuses.label(r.status)}</Badge>,
                },
              ]}
            />
          ) : (
            <EmptyState title={status ? "Aucune demande avec ce statut." : "Aucune demande pour le moment."} />
          )
        }
      </QueryState>
    </>
  );
}
