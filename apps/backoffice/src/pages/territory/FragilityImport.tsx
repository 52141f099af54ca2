import { useState, type FormEvent } from "react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { FRAGILITY_CSV_MAX_BYTES } from "@medianum/domain";
import { Alert, Button, DataTable, readApiError } from "@medianum/ui";
import { useTRPC } from "@medianum/api-client";

/** Import of per-commune indices: a check first (nothing saved), then the import itself. */
export function FragilityImport() {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const [csv, setCsv] = useState<string | null>(null);
  const [fileName, setFileName] = useState("");
  const [fileError, setFileError] = useState<string | null>(null);
  const run = useMutation(
    trpc.territory.importFragility.mutationOptions({
      onSuccess: async (res) => {
        if (!res.dryRun) await qc.invalidateQueries({ queryKey: trpc.territory.pathKey() });
      },
    }),
  );
  const result = run.data;

  async function onFile(file: File | undefined) {
    run.reset();
    setFileError(null);
    setCsv(null);
    if (!file) return;
    if (file.size > FRAGILITY_CSV_MAX_BYTES) {
      setFileError("Le fichier est trop gros (2 Mo au maximum).");
      return;
    }
    setFileName(file.name);
    setCsv(await file.text());
  }
  function check(e: FormEvent) {
    e.preventDefault();
    if (!csv) {
      setFileError("Choisissez un fichier CSV.");
      return;
    }
    run.mutate({ csv, dryRun: true });
  }

  return (
    <section aria-labelledby="import-title" className="mn-no-print">
      <h2 id="import-title">Importer des indices de fragilité</h2>
      <p>
        Un fichier CSV avec une ligne d'en-tête, une colonne <code>code_insee</code> et une colonne <code>indice</code> (0 à 25, virgule ou point
        décimal), séparées par des points-virgules ou des virgules. Une vérification montre d'abord les lignes refusées ; rien n'est enregistré avant
        votre confirmation.
      </p>
      <form onSubmit={check} noValidate>
        <div className={fileError ? "mn-field mn-field--error" : "mn-field"}>
          <label className="mn-label" htmlFor="fragility-file">
            Fichier CSV
          </label>
          {fileError ? (
            <span className="mn-error-message" id="fragility-file-error">
              <span className="mn-visually-hidden">Erreur : </span>
              {fileError}
            </span>
          ) : null}
          <input
            id="fragility-file"
            name="fragility-file"
            type="file"
            accept=".csv,text/csv"
            aria-describedby={fileError ? "fragility-file-error" : undefined}
            onChange={(e) => void onFile(e.target.files?.[0])}
          />
        </div>
        <div className="mn-actions">
          <Button type="submit" variant="secondary" loading={run.isPending && run.variables?.dryRun} loadingLabel="Vérification…">
            Vérifier le fichier
          </Button>
        </div>
      </form>
      {run.isError ? (
        <Alert type="error" title="Le fichier n'a pas pu être traité.">
          <p>{readApiError(run.error).message}</p>
        </Alert>
      ) : null}
      {result ? (
        <div role="status">
          {result.fileError ? (
            <Alert type="error" title="Ce fichier ne peut pas être lu.">
              <p>{result.fileError}</p>
            </Alert>
          ) : result.dryRun ? (
            <Alert type={result.rejected.length ? "warning" : "info"} title={`Vérification de ${fileName}`}>
              <p>
                {result.updated} commune(s) seront mises à jour ; {result.rejected.length} ligne(s) refusée(s).
              </p>
              {result.updated > 0 && csv ? (
                <Button onClick={() => run.mutate({ csv, dryRun: false })} loading={run.isPending} loadingLabel="Import…">
                  Importer les {result.updated} commune(s) valides
                </Button>
              ) : null}
            </Alert>
          ) : (
            <Alert type="success" title="Import terminé.">
              <p>
                {result.updated} commune(s) mises à jour ; {result.rejected.length} ligne(s) refusée(s).
              </p>
            </Alert>
          )}
          {result.rejected.length ? (
            <DataTable
              caption="Lignes refusées"
              rows={result.rejected}
              rowKey={(r) => String(r.line)}
              columns={[
                { key: "l", header: "Ligne", rowHeader: true, render: (r) => r.line },
                { key: "c", header: "Contenu", render: (r) => <code>{r.content}</code> },
                { key: "r", header: "Motif", render: (r) => r.reason },
              ]}
            />
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
