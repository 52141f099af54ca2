import { useId, type ReactNode } from "react";

export interface Column<Row> {
  key: string;
  header: ReactNode;
  render: (row: Row) => ReactNode;
  /** The cell that names the row is a row header (`<th scope="row">`). */
  rowHeader?: boolean;
  /**
   * A column a narrower screen can do without (hidden below 80rem, see theme.css): only for
   * what the page also says elsewhere, never the only place a value can be read.
   */
  secondary?: boolean;
}

export interface DataTableProps<Row> {
  caption: ReactNode;
  columns: readonly Column<Row>[];
  rows: readonly Row[];
  rowKey: (row: Row) => string;
  /** Hide the caption visually (it stays for screen readers); the page heading already says it. */
  hideCaption?: boolean;
}

/**
 * A real `<table>` with a caption and column headers. On narrow screens the table scrolls inside
 * its wrapper, which is focusable (so that keyboard users can scroll) and named by the caption.
 */
export function DataTable<Row>({ caption, columns, rows, rowKey, hideCaption }: DataTableProps<Row>) {
  const captionId = useId();
  return (
    // A scrollable region must be reachable by keyboard (WCAG 2.1.1); it is named by the caption.
    // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
    <div className="mn-table-wrapper" role="region" aria-labelledby={captionId} tabIndex={0}>
      <table className="mn-table">
        <caption id={captionId} className={hideCaption ? "mn-visually-hidden" : undefined}>
          {caption}
        </caption>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c.key} scope="col" className={c.secondary ? "mn-col--secondary" : undefined}>
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={rowKey(row)}>
              {columns.map((c) =>
                c.rowHeader ? (
                  <th key={c.key} scope="row" className={c.secondary ? "mn-col--secondary" : undefined}>
                    {c.render(row)}
                  </th>
                ) : (
                  <td key={c.key} className={c.secondary ? "mn-col--secondary" : undefined}>
                    {c.render(row)}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
