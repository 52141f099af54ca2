import { useState } from "react";
import { useQuery } from "@tanstack/react-query";
import { AXIS_METRICS, dashboardMetrics, FEEDBACK_MIN_ANSWERS, formatDate, parisYear, roadmapAxes, type DashboardView, type RoadmapAxis } from "@medianum/domain";
import { Button, DataTable, SelectField } from "@medianum/ui";
import { useTRPC } from "@medianum/api-client";
import { QueryState, Title } from "../common.js";
import { BarChart, SERIES_COLORS } from "./BarChart.js";
import { FeedbackFigures } from "../feedback/FeedbackFigures.js";
import { FigureCards } from "./FigureCards.js";
import { hoursLabel, monthLabel, nf, periodLabel } from "./format.js";

const thisYear = parisYear(new Date());

/**
 * The year's review along the four axes of the roadmap, laid out to print or save as PDF: the
 * first page carries the territory, the period, the day it was printed and the key figures; the
 * axes follow without forced page breaks, so that no page is left half empty.
 */
export function ReviewPage() {
  const trpc = useTRPC();
  const [year, setYear] = useState(thisYear);
  const filters = { from: `${year}-01-01`, to: `${year}-12-31`, scope: "departement" as const };
  const dash = useQuery(trpc.stats.dashboard.queryOptions(filters));
  const years = Array.from({ length: 6 }, (_, i) => thisYear - i);
  return (
    <div className="mn-review">
      <Title title={`Bilan ${year}`} />
      <h1>Bilan annuel {year}</h1>
      <div className="mn-no-print mn-review__tools">
        <SelectField label="Année" name="review-year" options={years.map((y) => ({ value: String(y), label: String(y) }))} value={String(year)} onChange={(e) => setYear(Number(e.target.value))} />
        <Button onClick={() => window.print()}>Imprimer ou enregistrer en PDF</Button>
      </div>
      <QueryState query={dash} loadingLabel="Préparation du bilan…" errorTitle="Le bilan n'a pas pu être préparé.">
        {() => (dash.data ? <Review v={dash.data} filters={filters} /> : null)}
      </QueryState>
    </div>
  );
}

function Review({ v, filters }: { v: DashboardView; filters: { from: string; to: string } }) {
  const trpc = useTRPC();
  const territory = useQuery(trpc.territory.overview.queryOptions(filters));
  const places = useQuery(trpc.places.list.queryOptions());
  const partners = useQuery(trpc.places.partners.queryOptions());
  const team = useQuery(trpc.team.list.queryOptions());
  const axisFigures = (axis: RoadmapAxis) =>
    AXIS_METRICS[axis].length ? (
      <ul className="mn-review__axis-figures">
        {AXIS_METRICS[axis].map((metric) => {
          const figure = v.figures.find((f) => f.metric === metric);
          return figure ? (
            <li key={metric}>
              {dashboardMetrics.label(metric)} : <strong>{nf.format(figure.value)}</strong>
            </li>
          ) : null;
        })}
      </ul>
    ) : null;
  return (
    <>
      <dl className="mn-review__meta">
        <div>
          <dt>Territoire</dt>
          <dd>{v.scopeLabel}</dd>
        </div>
        <div>
          <dt>Période</dt>
          <dd>{periodLabel(v.period)}</dd>
        </div>
        <div>
          <dt>Imprimé le</dt>
          <dd>{formatDate(new Date())}</dd>
        </div>
      </dl>
      <section className="mn-review__headline" aria-labelledby="review-key-figures">
        <h2 id="review-key-figures">Chiffres clés</h2>
        <p className="mn-hint">Comparaison : {periodLabel(v.previousPeriod)}.</p>
        <FigureCards figures={v.figures} />
      </section>

      {roadmapAxes.items.map((axis) => (
        <section key={axis.value} className="mn-review__axis">
          <h2>{axis.value === "coordination" ? `${axis.label} : le réseau` : axis.label}</h2>
          <p>{axis.hint}</p>
          {axisFigures(axis.value)}
          {axis.value === "autonomy" ? (
            <BarChart
              title="Activité par mois"
              summary={`Activité mois par mois en ${v.period.from.slice(0, 4)}.`}
              rows={v.byMonth}
              rowKey={(m) => m.month}
              rowLabel={(m) => monthLabel(m.month)}
              series={[
                { key: "individual", label: "Accompagnements individuels", color: SERIES_COLORS[0] },
                { key: "collective", label: "Ateliers collectifs", color: SERIES_COLORS[1] },
              ]}
              value={(m, k) => (k === "individual" ? m.individual : m.collective)}
              extraColumns={[{ key: "h", header: "Durée", render: (m) => hoursLabel(m.minutes) }]}
            />
          ) : null}
          {axis.value === "coordination" ? (
            <>
              <ul>
                <li>{nf.format(places.data?.length ?? 0)} lieux de médiation numérique référencés.</li>
                <li>{nf.format(partners.data?.length ?? 0)} structures partenaires.</li>
                <li>{nf.format(team.data?.filter((u) => u.counsellor && !u.disabled).length ?? 0)} conseillers numériques en poste.</li>
              </ul>
              {territory.data ? (
                <DataTable
                  caption="Territoires prioritaires (fragilité élevée, offre faible)"
                  rows={territory.data.epcis.filter((e) => e.priority)}
                  rowKey={(e) => e.code}
                  columns={[
                    { key: "n", header: "Intercommunalité", rowHeader: true, render: (e) => e.name },
                    { key: "i", header: "Indice de fragilité", render: (e) => (e.fragilityIndex === null ? "—" : e.fragilityIndex.toLocaleString("fr-FR")) },
                    { key: "r", header: "Accompagnements pour 1 000 hab.", render: (e) => e.per1000.toLocaleString("fr-FR") },
                    { key: "l", header: "Lieux", render: (e) => e.places },
                  ]}
                />
              ) : null}
            </>
          ) : null}
          {axis.value === "steering" ? (
            <DataTable
              caption="Thématiques les plus fréquentes"
              rows={v.byTheme.slice(0, 8)}
              rowKey={(t) => t.theme}
              columns={[
                { key: "t", header: "Thématique", rowHeader: true, render: (t) => t.label },
                { key: "r", header: "Accompagnements et ateliers", render: (t) => nf.format(t.records) },
                { key: "p", header: "Personnes", render: (t) => nf.format(t.people) },
              ]}
            />
          ) : null}
        </section>
      ))}
      <section className="mn-review__axis" aria-labelledby="review-feedback">
        <h2 id="review-feedback">Ce qu'en disent les personnes accompagnées</h2>
        <p>
          Après un atelier e-parentalité, une séance en collège ou un atelier collectif, les participants répondent à un court questionnaire
          anonyme. Un groupe de moins de {FEEDBACK_MIN_ANSWERS} réponses n'est pas montré.
        </p>
        <FeedbackFigures filters={filters} groupBy="theme" idPrefix="bilan-theme" />
        <FeedbackFigures filters={filters} groupBy="month" idPrefix="bilan-mois" showTotal={false} />
      </section>
    </>
  );
}
