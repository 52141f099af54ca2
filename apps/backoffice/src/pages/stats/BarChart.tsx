import "./steering.css";
import { useId, type ReactNode } from "react";
import { DataTable, type Column } from "@medianum/ui";

export interface Series {
  key: string;
  label: string;
  /** CSS colour (theme custom property), also drawn as a pattern-free solid bar with its label in the legend. */
  color: string;
}

export interface BarChartProps<Row> {
  title: string;
  /** One-sentence summary read by screen readers instead of the drawing. */
  summary: string;
  rows: readonly Row[];
  rowKey: (row: Row) => string;
  rowLabel: (row: Row) => string;
  series: readonly Series[];
  value: (row: Row, seriesKey: string) => number;
  /** Extra columns for the figures' table (beside the series). */
  extraColumns?: Column<Row>[];
  formatValue?: (n: number) => string;
  children?: ReactNode;
}

const fmt = new Intl.NumberFormat("fr-FR");

/**
 * Horizontal bars in plain SVG (no chart library): the drawing is one image with a text
 * alternative, and the same figures follow in a real table, so nothing is only visual.
 */
export function BarChart<Row>({ title, summary, rows, rowKey, rowLabel, series, value, extraColumns = [], formatValue = (n) => fmt.format(n), children }: BarChartProps<Row>) {
  const titleId = useId();
  const descId = useId();
  const max = Math.max(1, ...rows.flatMap((r) => series.map((s) => value(r, s.key))));
  const barH = 14;
  const gap = 4;
  const groupH = series.length * (barH + gap) + 10;
  const labelW = 170;
  const width = 640;
  const plotW = width - labelW - 60;
  const height = Math.max(1, rows.length) * groupH + 8;
  return (
    <figure className="mn-chart">
      <h3 id={titleId}>{title}</h3>
      {series.length > 1 ? (
        <ul className="mn-chart__legend" aria-hidden="true">
          {series.map((s) => (
            <li key={s.key}>
              <span className="mn-chart__swatch" style={{ background: s.color }} /> {s.label}
            </li>
          ))}
        </ul>
      ) : null}
      {rows.length === 0 ? (
        <p>Aucune donnée sur cette période.</p>
      ) : (
        <svg role="img" aria-labelledby={`${titleId} ${descId}`} viewBox={`0 0 ${width} ${height}`} className="mn-chart__svg" preserveAspectRatio="xMinYMin meet">
          <desc id={descId}>{summary}</desc>
          {rows.map((r, i) => {
            const y0 = i * groupH + 4;
            return (
              <g key={rowKey(r)}>
                <text x={labelW - 8} y={y0 + (series.length * (barH + gap)) / 2 + 4} textAnchor="end" className="mn-chart__label">
                  {truncate(rowLabel(r), 26)}
                </text>
                {series.map((s, j) => {
                  const v = value(r, s.key);
                  const w = Math.round((v / max) * plotW);
                  const y = y0 + j * (barH + gap);
                  return (
                    <g key={s.key}>
                      <rect x={labelW} y={y} width={Math.max(v > 0 ? 2 : 0, w)} height={barH} fill={s.color} rx="2" />
                      <text x={labelW + w + 6} y={y + barH - 3} className="mn-chart__value">
                        {formatValue(v)}
                      </text>
                    </g>
                  );
                })}
              </g>
            );
          })}
        </svg>
      )}
      <figcaption className="mn-visually-hidden">{summary}</figcaption>
      {children}
      {rows.length > 0 ? (
        <details className="mn-chart__table" open>
          <summary>Tableau des chiffres : {title.toLowerCase()}</summary>
          <DataTable
            caption={title}
            hideCaption
            rows={rows}
            rowKey={rowKey}
            columns={[
              { key: "label", header: "", rowHeader: true, render: (r: Row) => rowLabel(r) },
              ...series.map((s) => ({ key: s.key, header: s.label, render: (r: Row) => formatValue(value(r, s.key)) })),
              ...extraColumns,
            ]}
          />
        </details>
      ) : null}
    </figure>
  );
}

function truncate(s: string, n: number) {
  return s.length > n ? `${s.slice(0, n - 1)}…` : s;
}

export const SERIES_COLORS = ["#0b5c7a", "#b35c00", "#1d6b35", "#6a3d9a"] as const;
