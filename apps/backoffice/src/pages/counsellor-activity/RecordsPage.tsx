import { useState } from "react";
import { useQuery } from "@tanstack/react-query";
import { activityTypes, formatDay, formatDateTime, formatDuration, mediationThemes } from "@medianum/domain";
import { DataTable, EmptyState, SelectField } from "@medianum/ui";
import { useTRPC } from "@medianum/api-client";
import { QueryState, Title } from "../common.js";

/** The latest records received from the counsellors' devices (offline saisies arrive when they sync). */
export function RecordsPage() {
  const trpc = useTRPC();
  const [counsellorId, setCounsellorId] = useState("");
  const records = useQuery(trpc.activityStaff.recent.queryOptions({ counsellorId: counsellorId || undefined, limit: 200 }));
  return (
    <>
      <Title title="Saisies des conseillers" />
      <h1>Saisies des conseillers</h1>
      <p>Les 200 dernières saisies reçues, les plus récentes d'abord. Les saisies faites hors connexion apparaissent quand l'appareil du conseiller les a envoyées.</p>
      <SelectField
        label="Conseiller"
        name="counsellorId"
        optional
        placeholder="Tous les conseillers"
        options={(records.data?.counsellors ?? []).map((c) => ({ value: c.id, label: c.name }))}
        value={counsellorId}
        onChange={(e) => setCounsellorId(e.target.value)}
      />
      <QueryState query={records} loadingLabel="Chargement des saisies…" errorTitle="Les saisies n'ont pas pu être affichées.">
        {() =>
          records.data && records.data.rows.length > 0 ? (
            <DataTable
              caption={`Saisies (${records.data.rows.length})`}
              rows={records.data.rows}
              rowKey={(r) => r.id}
              columns={[
                { key: "received", header: "Reçue le", render: (r) => formatDateTime(r.createdAt) },
                { key: "date", header: "Date", rowHeader: true, render: (r) => formatDay(r.date) },
                { key: "counsellor", header: "Conseiller", render: (r) => r.counsellorName },
                { key: "type", header: "Type", render: (r) => (r.title ? `${activityTypes.label(r.type)} : ${r.title}` : activityTypes.label(r.type)) },
                { key: "duration", header: "Durée", render: (r) => formatDuration(r.durationMinutes) },
                { key: "people", header: "Personnes", render: (r) => r.participantsCount },
                { key: "themes", header: "Thématiques", render: (r) => r.themes.map((t) => mediationThemes.label(t)).join(", ") },
                { key: "place", header: "Lieu", render: (r) => r.placeName ?? "—" },
              ]}
            />
          ) : (
            <EmptyState title="Aucune saisie pour le moment." />
          )
        }
      </QueryState>
    </>
  );
}
