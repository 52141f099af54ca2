import { exportFileName, exportFormats, exportKinds, type StatsFilters } from "@medianum/domain";
import { filtersQuery } from "../stats/Filters.js";

/** Download links carrying the filters on screen; the server streams the file. */
export function ExportLinks({ filters }: { filters: StatsFilters }) {
  const q = filtersQuery(filters);
  return (
    <ul className="mn-exports">
      {exportKinds.items.map((k) => (
        <li key={k.value}>
          <strong>{k.label}</strong>
          <span className="mn-exports__links">
            {exportFormats.items.map((f) => (
              <a key={f.value} href={`/api/exports/${k.value}.${f.value}?${q}`} download={exportFileName(k.value, filters.from, filters.to, f.value)}>
                {f.label}
                <span className="mn-visually-hidden"> — {k.label}</span>
              </a>
            ))}
          </span>
        </li>
      ))}
    </ul>
  );
}
