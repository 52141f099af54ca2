import { useQuery } from "@tanstack/react-query";
import type { DashboardView, StatsFilters } from "@medianum/domain";
import { useTRPC } from "@medianum/api-client";
import { QueryState, Title } from "../common.js";
import { ExportLinks } from "../exports/ExportLinks.js";
import { FeedbackFigures } from "../feedback/FeedbackFigures.js";
import { BarChart, SERIES_COLORS } from "./BarChart.js";
import { FigureCards } from "./FigureCards.js";
import { FiltersForm, useUrlFilters } from "./Filters.js";
import { hoursLabel, monthLabel, nf, periodLabel } from "./format.js";
import { ObjectivesForm } from "./ObjectivesForm.js";
import { OutboxNotice } from "./OutboxNotice.js";

export function DashboardPage() {
  const trpc = useTRPC();
  const [filters, setFilters] = useUrlFilters();
  const q = useQuery(trpc.stats.dashboard.queryOptions(filters));
  return (
    <>
      <Title title="Tableau de bord" />
      <h1>Tableau de bord</h1>
      <OutboxNotice />
      <p>L'activité de l'équipe sur une période et un territoire, comparée à la même période l'an dernier et aux objectifs de l'année.</p>
      <FiltersForm value={filters} onApply={setFilters} />
      <QueryState query={q} loadingLabel="Calcul des chiffres…" errorTitle="Les chiffres n'ont pas pu être calculés.">
        {() => (q.data ? <Dashboard v={q.data} filters={filters} /> : null)}
      </QueryState>
    </>
  );
}

function Dashboard({ v, filters }: { v: DashboardView; filters: StatsFilters }) {
  const total = (k: "individual" | "collective") => v.byMonth.reduce((s, m) => s + m[k], 0);
  const topTheme = v.byTheme[0];
  return (
    <>
      <h2>
        {v.scopeLabel}, {periodLabel(v.period)}
      </h2>
      <p className="mn-hint">Comparaison : {periodLabel(v.previousPeriod)}.</p>
      <FigureCards figures={v.figures} />

      <h2>Évolution et répartition</h2>
      <div className="mn-charts">
        <BarChart
          title="Activité par mois"
          summary={`${nf.format(total("individual"))} accompagnements individuels et ${nf.format(total("collective"))} ateliers collectifs sur ${v.byMonth.length} mois.`}
          rows={v.byMonth}
          rowKey={(m) => m.month}
          rowLabel={(m) => monthLabel(m.month)}
          series={[
            { key: "individual", label: "Accompagnements individuels", color: SERIES_COLORS[0] },
            { key: "collective", label: "Ateliers collectifs", color: SERIES_COLORS[1] },
          ]}
          value={(m, k) => (k === "individual" ? m.individual : m.collective)}
          extraColumns={[
            { key: "participants", header: "Participants aux ateliers", render: (m) => nf.format(m.participants) },
            { key: "hours", header: "Durée", render: (m) => hoursLabel(m.minutes) },
          ]}
        />
        <BarChart
          title="Thématiques"
          summary={topTheme ? `Thématique la plus fréquente : ${topTheme.label} (${nf.format(topTheme.records)} enregistrements).` : "Aucune thématique."}
          rows={v.byTheme}
          rowKey={(t) => t.theme}
          rowLabel={(t) => t.label}
          series={[{ key: "records", label: "Accompagnements et ateliers", color: SERIES_COLORS[0] }]}
          value={(t) => t.records}
          extraColumns={[{ key: "people", header: "Personnes", render: (t) => nf.format(t.people) }]}
        />
        <BarChart
          title="Par conseiller ou conseillère"
          summary={`${v.byCounsellor.length} conseillers ont enregistré de l'activité sur la période.`}
          rows={v.byCounsellor}
          rowKey={(c) => c.counsellorId}
          rowLabel={(c) => c.name}
          series={[
            { key: "individual", label: "Accompagnements individuels", color: SERIES_COLORS[0] },
            { key: "collective", label: "Ateliers collectifs", color: SERIES_COLORS[1] },
          ]}
          value={(c, k) => (k === "individual" ? c.individual : c.collective)}
          extraColumns={[
            { key: "participants", header: "Participants aux ateliers", render: (c) => nf.format(c.participants) },
            { key: "hours", header: "Durée", render: (c) => hoursLabel(c.minutes) },
          ]}
        />
        <BarChart
          title="Par type de lieu"
          summary={v.byPlaceType[0] ? `Type de lieu le plus fréquent : ${v.byPlaceType[0].label}.` : "Aucun lieu."}
          rows={v.byPlaceType}
          rowKey={(p) => p.key}
          rowLabel={(p) => p.label}
          series={[{ key: "records", label: "Accompagnements et ateliers", color: SERIES_COLORS[2] }]}
          value={(p) => p.records}
          extraColumns={[{ key: "people", header: "Personnes", render: (p) => nf.format(p.people) }]}
        />
      </div>

      <h2>Avis des participants</h2>
      <p className="mn-hint">Tout le département (les réponses sont anonymes et ne portent pas de lieu). Commentaires : page « Avis des participants ».</p>
      <FeedbackFigures filters={filters} />

      <h2>Exporter ces données</h2>
      <ExportLinks filters={filters} />

      {v.objectivesYear !== null ? <ObjectivesForm year={v.objectivesYear} /> : (
        <p className="mn-hint">Les objectifs annuels s'affichent pour tout le département sur une période comprise dans une seule année.</p>
      )}
    </>
  );
}
