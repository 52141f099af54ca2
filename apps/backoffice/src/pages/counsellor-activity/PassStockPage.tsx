import { useQuery } from "@tanstack/react-query";
import { formatDay } from "@medianum/domain";
import { DataTable, EmptyState } from "@medianum/ui";
import { useTRPC } from "@medianum/api-client";
import { QueryState, Title } from "../common.js";

/** Pass numérique: the département's stock, each counsellor's allotment and use. */
export function PassStockPage() {
  const trpc = useTRPC();
  const stock = useQuery(trpc.passNumerique.stock.queryOptions());
  return (
    <>
      <Title title="Pass numérique" />
      <h1>Pass numérique</h1>
      <QueryState query={stock} loadingLabel="Chargement du stock…" errorTitle="Le stock n'a pas pu être affiché.">
        {() =>
          stock.data ? (
            <>
              <p>
                <strong>{stock.data.unallotted}</strong> chèque{stock.data.unallotted > 1 ? "s" : ""} en stock au Département, pas encore attribué{stock.data.unallotted > 1 ? "s" : ""}.
              </p>
              {stock.data.rows.length === 0 ? (
                <EmptyState title="Aucun chèque attribué aux conseillers." />
              ) : (
                <DataTable
                  caption="Chèques attribués aux conseillers"
                  rows={stock.data.rows}
                  rowKey={(r) => r.counsellorId}
                  columns={[
                    { key: "name", header: "Conseiller", rowHeader: true, render: (r) => r.counsellorName },
                    { key: "allotted", header: "Attribués", render: (r) => r.allotted },
                    { key: "inStock", header: "À distribuer", render: (r) => r.inStock },
                    { key: "prescribed", header: "Prescrits", render: (r) => r.prescribed },
                    { key: "used", header: "Utilisés", render: (r) => r.used },
                    { key: "expired", header: "Expirés", render: (r) => r.expired },
                    { key: "prescriptions", header: "Personnes", render: (r) => r.prescriptions },
                    { key: "last", header: "Dernière prescription", render: (r) => (r.lastPrescribedOn ? formatDay(r.lastPrescribedOn) : "—") },
                  ]}
                />
              )}
            </>
          ) : null
        }
      </QueryState>
    </>
  );
}
