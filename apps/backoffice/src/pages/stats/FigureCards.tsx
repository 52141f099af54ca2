import { dashboardMetrics, type DashboardFigure } from "@medianum/domain";
import { comparisonText, nf, objectiveText } from "./format.js";

/** The headline figures, each with its definition, last year's value and the objective. */
export function FigureCards({ figures, only }: { figures: readonly DashboardFigure[]; only?: readonly string[] }) {
  const shown = only ? figures.filter((f) => only.includes(f.metric)) : figures;
  return (
    <ul className="mn-figures">
      {shown.map((f) => {
        const item = dashboardMetrics.items.find((i) => i.value === f.metric)!;
        const objective = objectiveText(f.value, f.objective);
        const pct = f.objective ? Math.min(100, Math.round((f.value / f.objective) * 100)) : null;
        return (
          <li key={f.metric} className="mn-figure">
            <p className="mn-figure__value">{nf.format(f.value)}</p>
            <p className="mn-figure__label">{item.label}</p>
            {"hint" in item && item.hint ? <p className="mn-figure__hint">{item.hint}</p> : null}
            <p className="mn-figure__compare">{comparisonText(f.value, f.previous)}</p>
            {objective ? (
              <>
                <p className="mn-figure__objective">{objective}</p>
                <div className="mn-progress" aria-hidden="true">
                  <span style={{ width: `${pct}%` }} />
                </div>
              </>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}
