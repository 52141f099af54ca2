import { useState } from "react";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { Link } from "wouter";
import { countOf, formatOpeningHours, placeTypes } from "@medianum/domain";
import { Alert, Button, DataTable, EmptyState, readApiError } from "@medianum/ui";
import { useTRPC } from "@medianum/api-client";
import { QueryState, Title } from "../common.js";

export function PlacesPage() {
  const trpc = useTRPC();
  const places = useQuery(trpc.places.list.queryOptions());
  return (
    <>
      <Title title="Lieux" />
      <h1>Lieux de médiation numérique</h1>
      <p>Les lieux où l'équipe intervient. Ils alimentent les formulaires des conseillers et l'export au standard national.</p>
      <p>
        <Link href="/lieux/nouveau" className="mn-button">
          Ajouter un lieu
        </Link>{" "}
        <Link href="/partenaires">Structures partenaires</Link>
      </p>
      <QueryState query={places} loadingLabel="Chargement des lieux…" errorTitle="Les lieux n'ont pas pu être affichés.">
        {() =>
          places.data?.length ? (
            <DataTable
              caption={`Lieux (${places.data.length})`}
              rows={places.data}
              rowKey={(p) => p.id}
              columns={[
                { key: "n", header: "Lieu", rowHeader: true, render: (p) => <Link href={`/lieux/${p.id}`}>{p.name}</Link> },
                { key: "t", header: "Type", render: (p) => placeTypes.label(p.type) },
                { key: "c", header: "Commune", render: (p) => p.communeName },
                { key: "h", header: "Horaires", render: (p) => formatOpeningHours(p.openingHours) || "Non renseignés" },
                { key: "s", header: "SIRET", render: (p) => p.siret ?? "À compléter" },
                { key: "a", header: "Activités", render: (p) => p.activities },
              ]}
            />
          ) : (
            <EmptyState title="Aucun lieu pour le moment." />
          )
        }
      </QueryState>
      <StandardExport />
    </>
  );
}

/** Downloads the places in the national data standard, with the library's refusals listed. */
function StandardExport() {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [report, setReport] = useState<{ count: number; rejected: { id: string; name: string; reason: string }[]; withoutSiret: number } | null>(null);
  async function run() {
    setBusy(true);
    setError(null);
    try {
      const res = await qc.fetchQuery({ ...trpc.places.standardExport.queryOptions(), staleTime: 0 });
      const blob = new Blob([JSON.stringify(res.lieux, null, 2)], { type: "application/json" });
      const a = document.createElement("a");
      a.href = URL.createObjectURL(blob);
      a.download = `lieux-de-mediation-numerique-${new Date().toISOString().slice(0, 10)}.json`;
      a.click();
      URL.revokeObjectURL(a.href);
      setReport({ count: res.lieux.length, rejected: res.rejected, withoutSiret: res.withoutSiret.length });
    } catch (e) {
      setError(readApiError(e).message);
    } finally {
      setBusy(false);
    }
  }
  return (
    <section aria-labelledby="standard-title">
      <h2 id="standard-title">Export au standard national</h2>
      <p>
        Fichier JSON au schéma des lieux de médiation numérique (Cartographie nationale), validé par la bibliothèque de l'ANCT. Un lieu sans
        SIRET est exporté avec l'identifiant « 00000000000000 », comme le fait la Cartographie nationale : complétez-le quand vous le connaissez.
      </p>
      <Button onClick={() => void run()} loading={busy} loadingLabel="Préparation du fichier…">
        Télécharger les lieux (JSON)
      </Button>
      <div role="status">
        {report ? (
          <Alert type={report.rejected.length ? "warning" : "success"} title={`${countOf(report.count, "lieu exporté", "lieux exportés")}.`}>
            <p>
              {report.withoutSiret} sans SIRET ; {countOf(report.rejected.length, "refusé")} par le standard.
            </p>
            {report.rejected.length ? (
              <ul>
                {report.rejected.map((r) => (
                  <li key={r.id}>
                    <Link href={`/lieux/${r.id}`}>{r.name}</Link> : {r.reason}
                  </li>
                ))}
              </ul>
            ) : null}
          </Alert>
        ) : null}
      </div>
      {error ? (
        <Alert type="error" title="L'export n'a pas pu être préparé.">
          <p>{error}</p>
        </Alert>
      ) : null}
    </section>
  );
}
