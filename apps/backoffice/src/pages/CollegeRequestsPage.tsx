import { useState } from "react";
import { useQuery } from "@tanstack/react-query";
import { Link } from "wouter";
import { collegeRequestStatuses, collegeTopics, countOf, formatDate, type CollegeInboxFilters } from "@medianum/domain";
import { Badge, Button, DataTable, EmptyState, SelectField, TextField } from "@medianum/ui";
import { useTRPC } from "@medianum/api-client";
import { QueryState, requestTone, Title } from "./common.js";

const EMPTY = { status: "", topic: "", epciCode: "", communeInsee: "", from: "", to: "" };

export function CollegeRequestsPage() {
  const trpc = useTRPC();
  const [f, setF] = useState(EMPTY);
  const territories = useQuery(trpc.college.territories.queryOptions());
  const filters: CollegeInboxFilters = {
    ...(collegeRequestStatuses.has(f.status) ? { status: f.status } : {}),
    ...(collegeTopics.has(f.topic) ? { topic: f.topic } : {}),
    ...(f.epciCode ? { epciCode: f.epciCode } : {}),
    ...(f.communeInsee ? { communeInsee: f.communeInsee } : {}),
    // A date being typed is only used once complete.
    ...(/^\d{4}-\d{2}-\d{2}$/.test(f.from) ? { from: f.from } : {}),
    ...(/^\d{4}-\d{2}-\d{2}$/.test(f.to) ? { to: f.to } : {}),
  };
  const requests = useQuery(trpc.college.requests.queryOptions(filters));
  const set = (k: keyof typeof EMPTY, v: string) => setF((x) => ({ ...x, [k]: v }));
  const filtered = JSON.stringify(f) !== JSON.stringify(EMPTY);
  return (
    <>
      <Title title="Demandes des collèges" />
      <h1>Demandes des collèges</h1>
      <p>
        Demandes de séances de sensibilisation envoyées par les collèges : d'abord celles à traiter, les plus anciennes en
        tête. <Link href="/chiffres-colleges">Voir les chiffres des séances réalisées</Link>.
      </p>
      <form
        aria-label="Filtrer les demandes"
        style={{ display: "flex", flexWrap: "wrap", gap: "0 1.5rem", alignItems: "flex-end" }}
        onSubmit={(e) => e.preventDefault()}
      >
        <SelectField label="Statut" name="status" placeholder="Tous les statuts" options={collegeRequestStatuses.items} value={f.status} onChange={(e) => set("status", e.target.value)} />
        <SelectField label="Sujet" name="topic" placeholder="Tous les sujets" options={collegeTopics.items} value={f.topic} onChange={(e) => set("topic", e.target.value)} />
        <SelectField
          label="EPCI"
          name="epciCode"
          placeholder="Tous les EPCI"
          options={(territories.data?.epcis ?? []).map((e) => ({ value: e.code, label: e.name }))}
          value={f.epciCode}
          onChange={(e) => set("epciCode", e.target.value)}
        />
        <SelectField
          label="Commune"
          name="communeInsee"
          placeholder="Toutes les communes"
          options={(territories.data?.communes ?? []).map((c) => ({ value: c.inseeCode, label: c.name }))}
          value={f.communeInsee}
          onChange={(e) => set("communeInsee", e.target.value)}
        />
        <TextField label="Période souhaitée : du" name="from" type="date" short value={f.from} onChange={(e) => set("from", e.target.value)} />
        <TextField label="au" name="to" type="date" short value={f.to} onChange={(e) => set("to", e.target.value)} />
        {filtered ? (
          <Button variant="secondary" size="small" onClick={() => setF(EMPTY)}>
            Effacer les filtres
          </Button>
        ) : null}
      </form>
      <QueryState query={requests} loadingLabel="Chargement des demandes…" errorTitle="Les demandes n'ont pas pu être affichées.">
        {() =>
          requests.data && requests.data.length > 0 ? (
            <DataTable
              caption={`Demandes (${requests.data.length})`}
              rows={requests.data}
              rowKey={(r) => r.id}
              columns={[
                {
                  key: "status",
                  header: "Statut",
                  render: (r) => <Badge tone={requestTone(r.status)}>{collegeRequestStatuses.label(r.status)}</Badge>,
                },
                { key: "created", header: "Reçue le", render: (r) => formatDate(r.createdAt) },
                {
                  key: "name",
                  header: "Établissement",
                  rowHeader: true,
                  render: (r) => <Link href={`/demandes/${r.id}`}>{r.establishmentName}</Link>,
                },
                { key: "commune", header: "Commune", render: (r) => r.communeName },
                // Also on the request's page.
                { key: "requester", header: "Demandeur", secondary: true, render: (r) => r.requesterName },
                { key: "topics", header: "Sujets", render: (r) => r.topics.map((t) => collegeTopics.label(t)).join(", ") },
                {
                  key: "classes",
                  header: "Classes",
                  render: (r) => `${countOf(r.classesCount, "classe")}, ${countOf(r.pupils, "élève")}`,
                },
              ]}
            />
          ) : (
            <EmptyState title={filtered ? "Aucune demande ne correspond à ces filtres." : "Aucune demande pour le moment."} />
          )
        }
      </QueryState>
    </>
  );
}
