import { useState, type FormEvent } from "react";
import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { auditActionLabel, describeAuditDetails, formatDateTime } from "@medianum/domain";
import { Button, DataTable, EmptyState, SelectField, TextField } from "@medianum/ui";
import { useTRPC } from "@medianum/api-client";
import { QueryState, Title } from "../common.js";

interface Filters {
  actorUserId?: string;
  action?: string;
  from?: string;
  to?: string;
}

/** Who did what, when: the audit log of staff and security actions, newest first. */
export function AuditPage() {
  const trpc = useTRPC();
  const facets = useQuery(trpc.audit.facets.queryOptions());
  const [draft, setDraft] = useState({ actorUserId: "", action: "", from: "", to: "" });
  const [filters, setFilters] = useState<Filters>({});
  const log = useInfiniteQuery(
    trpc.audit.list.infiniteQueryOptions(
      { ...filters, limit: 50 },
      { getNextPageParam: (last) => last.next ?? undefined, initialCursor: undefined },
    ),
  );
  function submit(e: FormEvent) {
    e.preventDefault();
    setFilters({
      ...(draft.actorUserId ? { actorUserId: draft.actorUserId } : {}),
      ...(draft.action ? { action: draft.action } : {}),
      ...(draft.from ? { from: draft.from } : {}),
      ...(draft.to ? { to: draft.to } : {}),
    });
  }
  const entries = log.data?.pages.flatMap((p) => p.entries) ?? [];
  return (
    <>
      <Title title="Journal" />
      <h1>Journal des actions</h1>
      <p>Les actions de l'équipe et les événements de sécurité : qui, quoi, quand.</p>
      <form onSubmit={submit} className="mn-filters" aria-label="Filtrer le journal">
        <div className="mn-filters__row">
          <SelectField
            label="Personne"
            name="audit-actor"
            optional
            placeholder="Tout le monde"
            options={(facets.data?.actors ?? []).map((a) => ({ value: a.id, label: a.name }))}
            value={draft.actorUserId}
            onChange={(e) => setDraft({ ...draft, actorUserId: e.target.value })}
          />
          <SelectField
            label="Action"
            name="audit-action"
            optional
            placeholder="Toutes les actions"
            options={(facets.data?.actions ?? []).map((a) => ({ value: a, label: auditActionLabel(a) })).sort((x, y) => x.label.localeCompare(y.label, "fr"))}
            value={draft.action}
            onChange={(e) => setDraft({ ...draft, action: e.target.value })}
          />
          <TextField label="Du" name="audit-from" type="date" optional value={draft.from} onChange={(e) => setDraft({ ...draft, from: e.target.value })} />
          <TextField label="Au" name="audit-to" type="date" optional value={draft.to} onChange={(e) => setDraft({ ...draft, to: e.target.value })} />
        </div>
        <div className="mn-actions">
          <Button type="submit">Filtrer</Button>
        </div>
      </form>
      <QueryState query={log} loadingLabel="Chargement du journal…" errorTitle="Le journal n'a pas pu être affiché.">
        {() =>
          entries.length ? (
            <>
              <DataTable
                caption={`Entrées du journal (${entries.length}${log.hasNextPage ? " affichées" : ""})`}
                rows={entries}
                rowKey={(e) => e.id}
                columns={[
                  { key: "at", header: "Quand", rowHeader: true, render: (e) => formatDateTime(e.at) },
                  { key: "who", header: "Qui", render: (e) => e.actorName ?? "Visiteur" },
                  { key: "what", header: "Action", render: (e) => auditActionLabel(e.action) },
                  { key: "on", header: "Sur", render: (e) => e.entityLabel ?? "—" },
                  { key: "d", header: "Détails", render: (e) => <AuditDetails json={e.details} /> },
                  { key: "ip", header: "Adresse IP", render: (e) => e.ip ?? "—" },
                ]}
              />
              {log.hasNextPage ? (
                <Button variant="secondary" loading={log.isFetchingNextPage} loadingLabel="Chargement…" onClick={() => void log.fetchNextPage()}>
                  Afficher les entrées plus anciennes
                </Button>
              ) : null}
            </>
          ) : (
            <EmptyState title="Aucune entrée ne correspond à ces filtres." />
          )
        }
      </QueryState>
    </>
  );
}

/** The entry's details as short "label : value" lines, in French. */
function AuditDetails({ json }: { json: string | null }) {
  const items = describeAuditDetails(json ? (JSON.parse(json) as unknown) : null);
  if (!items.length) return <>—</>;
  return (
    <ul className="mn-audit-details">
      {items.map((d) => (
        <li key={d.label}>
          {d.label} : {d.value}
        </li>
      ))}
    </ul>
  );
}
