import { useState } from "react";
import { useQuery } from "@tanstack/react-query";
import { FRAGILITY_REFERENCE, fragilityGroups } from "@medianum/domain";
import { Badge, Button, DataTable } from "@medianum/ui";
import { useTRPC } from "@medianum/api-client";
import { QueryState, Title } from "../common.js";
import { BarChart, SERIES_COLORS } from "../stats/BarChart.js";
import { FiltersForm, useUrlFilters } from "../stats/Filters.js";
import { nf, periodLabel } from "../stats/format.js";
import { FragilityImport } from "./FragilityImport.js";

const dec = new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 1, minimumFractionDigits: 1 });
const index = (v: number | null) => (v === null ? "Non renseigné" : dec.format(v));
const COMMUNES_SHOWN = 40;

export function TerritoryPage() {
  const trpc = useTRPC();
  const [filters, setFilters] = useUrlFilters();
  const [allCommunes, setAllCommunes] = useState(false);
  const q = useQuery(trpc.territory.overview.queryOptions({ from: filters.from, to: filters.to }));
  return (
    <>
      <Title title="Territoire" />
      <h1>Territoire : fragilité et offre</h1>
      <p>
        L'indice de fragilité numérique (0 à 25 ; {FRAGILITY_REFERENCE.departement47} pour le département) à côté de l'activité : accompagnements
        individuels pour 1 000 habitants, lieux, ateliers collectifs. Les territoires <strong>prioritaires</strong> ont un indice d'au moins{" "}
        {FRAGILITY_REFERENCE.departement47} et moins d'accompagnements par habitant que le département : ils sont en tête des tableaux.
      </p>
      <FiltersForm value={filters} onApply={setFilters} withScope={false} idPrefix="territory" />
      <QueryState query={q} loadingLabel="Calcul par territoire…" errorTitle="Le territoire n'a pas pu être affiché.">
        {() => {
          const v = q.data;
          if (!v) return null;
          const communes = allCommunes ? v.communes : v.communes.slice(0, COMMUNES_SHOWN);
          return (
            <>
              <p>
                {periodLabel(filters)} : {dec.format(v.departementPer1000)} accompagnements pour 1 000 habitants dans le département.
              </p>
              <h2>Les trois groupes de la feuille de route</h2>
              <DataTable
                caption="Activité par groupe de fragilité"
                rows={[
                  ...v.groups.map((g) => ({ ...g, key: g.group, label: fragilityGroups.label(g.group) })),
                  { ...v.others, key: "others", label: "Autres communes et activité hors territoire" },
                  { ...v.total, key: "total", label: "Total" },
                ]}
                rowKey={(g) => g.key}
                columns={[
                  { key: "g", header: "Groupe", rowHeader: true, render: (g) => (g.key === "total" ? <strong>{g.label}</strong> : g.label) },
                  { key: "e", header: "EPCI", render: (g) => nf.format(g.epcis) },
                  { key: "p", header: "Habitants", render: (g) => nf.format(g.population) },
                  { key: "a", header: "Accompagnements", render: (g) => nf.format(g.accompaniments) },
                  { key: "r", header: "Pour 1 000 hab.", render: (g) => dec.format(g.per1000) },
                  { key: "l", header: "Lieux", render: (g) => nf.format(g.places) },
                  { key: "s", header: "Ateliers", render: (g) => nf.format(g.sessions) },
                ]}
              />
              <p className="mn-hint">
                La ligne « Autres » compte les communes d'une intercommunalité hors des trois groupes et l'activité sans commune du département
                (commune non saisie ou hors département) : avec elle, les groupes font le total.
              </p>
              <h2>Par intercommunalité</h2>
              <BarChart
                title="Accompagnements pour 1 000 habitants par EPCI"
                summary={`${v.epcis.filter((e) => e.priority).length} intercommunalités prioritaires sur ${v.epcis.length}.`}
                rows={v.epcis}
                rowKey={(e) => e.code}
                rowLabel={(e) => e.name}
                series={[{ key: "per1000", label: "Pour 1 000 habitants", color: SERIES_COLORS[0] }]}
                value={(e) => e.per1000}
                formatValue={(n) => dec.format(n)}
                extraColumns={[
                  { key: "group", header: "Groupe", render: (e) => (e.fragilityGroup ? fragilityGroups.label(e.fragilityGroup) : "—") },
                  { key: "index", header: "Indice de fragilité", render: (e) => index(e.fragilityIndex) },
                  { key: "places", header: "Lieux", render: (e) => nf.format(e.places) },
                  { key: "sessions", header: "Ateliers", render: (e) => nf.format(e.sessions) },
                  { key: "priority", header: "Priorité", render: (e) => (e.priority ? <Badge tone="warning">Prioritaire</Badge> : "—") },
                ]}
              />
              <h2>Par commune</h2>
              <DataTable
                caption={`Communes (${allCommunes ? v.communes.length : `${communes.length} premières sur ${v.communes.length}`})`}
                rows={communes}
                rowKey={(c) => c.inseeCode}
                columns={[
                  { key: "n", header: "Commune", rowHeader: true, render: (c) => c.name },
                  { key: "e", header: "EPCI", render: (c) => c.epciName ?? "—" },
                  { key: "i", header: "Indice", render: (c) => index(c.fragilityIndex) },
                  { key: "p", header: "Habitants", render: (c) => nf.format(c.population) },
                  { key: "a", header: "Accompagnements", render: (c) => nf.format(c.accompaniments) },
                  { key: "r", header: "Pour 1 000 hab.", render: (c) => dec.format(c.per1000) },
                  { key: "l", header: "Lieux", render: (c) => nf.format(c.places) },
                  { key: "s", header: "Ateliers", render: (c) => nf.format(c.sessions) },
                  { key: "pr", header: "Priorité", render: (c) => (c.priority ? <Badge tone="warning">Prioritaire</Badge> : "—") },
                ]}
              />
              {v.communes.length > COMMUNES_SHOWN ? (
                <Button variant="secondary" size="small" onClick={() => setAllCommunes(!allCommunes)}>
                  {allCommunes ? `Afficher les ${COMMUNES_SHOWN} premières` : `Afficher les ${v.communes.length} communes`}
                </Button>
              ) : null}
            </>
          );
        }}
      </QueryState>
      <FragilityImport />
    </>
  );
}
