import { useState } from "react";
import { useQuery } from "@tanstack/react-query";
import { feedbackGroupings, type FeedbackGrouping, type FeedbackGroupView, type StatsFilters } from "@medianum/domain";
import { DataTable, SelectField } from "@medianum/ui";
import { useTRPC } from "@medianum/api-client";
import { QueryState } from "../common.js";
import { nf } from "../stats/format.js";

const decimal = new Intl.NumberFormat("fr-FR", { minimumFractionDigits: 1, maximumFractionDigits: 1 });
type Shown = Extract<FeedbackGroupView, { shown: true }>;

/**
 * Satisfaction figures of the period: groups under the threshold never reach the browser, the
 * server only says how many were left out.
 */
export function FeedbackFigures({
  filters,
  groupBy: fixed,
  idPrefix = "avis",
  showTotal = true,
}: {
  filters: Pick<StatsFilters, "from" | "to">;
  groupBy?: FeedbackGrouping;
  idPrefix?: string;
  showTotal?: boolean;
}) {
  const trpc = useTRPC();
  const [chosen, setChosen] = useState<FeedbackGrouping>("theme");
  const groupBy = fixed ?? chosen;
  const q = useQuery(trpc.feedback.figures.queryOptions({ from: filters.from, to: filters.to, scope: "departement", groupBy }));
  return (
    <>
      {fixed ? null : (
        <div className="mn-no-print">
        <SelectField
          label="Regrouper les avis"
          name={`${idPrefix}-groupby`}
          options={feedbackGroupings.items}
          value={groupBy}
          onChange={(e) => setChosen(e.target.value as FeedbackGrouping)}
        />
        </div>
      )}
      <QueryState query={q} loadingLabel="Calcul des avis…" errorTitle="Les avis n'ont pas pu être calculés.">
        {() => {
          const v = q.data;
          if (!v) return null;
          const t = v.total;
          return (
            <>
              {showTotal ? <p>
                {t.shown
                  ? `${nf.format(t.answers)} réponses : utilité moyenne ${decimal.format(t.usefulnessAverage)} sur 4, ${t.usefulPercent} % « utile » ou « très utile », ${t.recommendPercent} % recommandent.`
                  : `Moins de ${v.minAnswers} réponses sur la période : aucun chiffre n'est montré, pour que personne ne soit reconnu.`}
              </p> : null}
              {v.groups.length > 0 ? (
                <DataTable<Shown>
                  caption={`Avis des participants, ${feedbackGroupings.label(v.groupBy).toLowerCase()}`}
                  rows={v.groups.filter((g): g is Shown => g.shown)}
                  rowKey={(g) => g.key}
                  columns={[
                    { key: "g", header: "Groupe", rowHeader: true, render: (g) => g.label },
                    { key: "n", header: "Réponses", render: (g) => nf.format(g.answers) },
                    { key: "u", header: "Utilité moyenne (sur 4)", render: (g) => decimal.format(g.usefulnessAverage) },
                    { key: "p", header: "Utile ou très utile", render: (g) => `${g.usefulPercent} %` },
                    { key: "r", header: "Recommandent", render: (g) => `${g.recommendPercent} %` },
                  ]}
                />
              ) : null}
              {v.hiddenGroups > 0 ? (
                <p className="mn-hint">
                  {v.hiddenGroups} {v.hiddenGroups > 1 ? "groupes ne sont pas montrés" : "groupe n'est pas montré"} : moins de {v.minAnswers} réponses
                  chacun, ou assez peu pour qu'on puisse les déduire du total.
                </p>
              ) : null}
            </>
          );
        }}
      </QueryState>
    </>
  );
}
