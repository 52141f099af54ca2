import { useState } from "react";
import { useQuery } from "@tanstack/react-query";
import { AXIS_METRICS, parisYear, roadmapAxes, type DashboardView } from "@medianum/domain";
import { Button, DataTable, SelectField } from "@medianum/ui";
import { useTRPC } from "@medianum/api-client";
import { QueryState, Title } from "../common.js";
import { BarChart, SERIES_COLORS } from "./BarChart.js";
import { FigureCards } from "./FigureCards.js";
import { hoursLabel, monthLabel, nf } from "./format.js";

const thisYear = parisYear(new Date());

/** The year's review along the four axes of the roadmap, laid out to print or save as PDF. */
export function ReviewPage() {
  const trpc = useTRPC();
  const [year, setYear] = useState(thisYear);
  const filters = { from: `${year}-01-01`, to: `${year}-12-31`, scope: "departement" as const };
  const dash = useQuery(trpc.stats.dashboard.queryOptions(filters));
  const territory = useQuery(trpc.territory.overview.queryOptions(filters));
  const places = useQuery(trpc.places.list.queryOptions());
  const partners = useQuery(trpc.places.partners.queryOptions());
  const team = useQuery(trpc.team.list.queryOptions());
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
        {() => (dash.data ? <Review v={dash.data} /> : null)}
      </QueryState>
      <section className="mn-review__axis">
        <h2>{roadmapAxes.label("coordination")} : le réseau</h2>
        <p>{roadmapAxes.items[1].hint}</p>
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
      </section>
    </div>
  );
}

function Review({ v }: { v: DashboardView }) {
  return (
    <>
      {roadmapAxes.items
        .filter((a) => a.value !== "coordination")
        .map((axis) => (
          <section key={axis.value} className="mn-review__axis">
            <h2>{axis.label}</h2>
            <p>{axis.hint}</p>
            {AXIS_METRICS[axis.value].length ? <FigureCards figures={v.figures} only={AXIS_METRICS[axis.value]} /> : null}
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
    </>
  );
}
