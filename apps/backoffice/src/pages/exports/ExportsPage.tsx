import { Title } from "../common.js";
import { FiltersForm, useUrlFilters } from "../stats/Filters.js";
import { periodLabel } from "../stats/format.js";
import { ExportLinks } from "./ExportLinks.js";

export function ExportsPage() {
  const [filters, setFilters] = useUrlFilters();
  return (
    <>
      <Title title="Exports" />
      <h1>Exports</h1>
      <p>
        Les fichiers reprennent les colonnes et les libellés de La Coop de la médiation numérique. Choisissez la période et le territoire, puis le
        fichier. Les exports d'inscriptions ne contiennent ni nom ni coordonnées.
      </p>
      <FiltersForm value={filters} onApply={setFilters} idPrefix="export" />
      <h2>Fichiers {periodLabel(filters)}</h2>
      <ExportLinks filters={filters} />
    </>
  );
}
