import { useState } from "react";
import { useQuery } from "@tanstack/react-query";
import { Link, useSearch } from "wouter";
import { Alert, Button, Spinner, readApiError, useDocumentTitle } from "@medianum/ui";
import { useTRPC } from "@medianum/api-client";
import { COLLEGE_SITE } from "./common.js";
import { Acknowledgement, readPrefill, RequestForm, type FormDone } from "./CollegeForm.js";

export default function CollegeRequestPage() {
  const trpc = useTRPC();
  const communes = useQuery(trpc.college.communes.queryOptions());
  const [done, setDone] = useState<FormDone | null>(null);
  const search = useSearch();
  const [prefill] = useState(() => readPrefill(search));
  useDocumentTitle(done ? "Demande envoyée" : "Demander une séance de sensibilisation", COLLEGE_SITE);

  if (done) return <Acknowledgement {...done} />;
  return (
    <>
      <h1>Demander une séance de sensibilisation</h1>
      <p className="mn-lead">
        Les conseillers numériques du Département interviennent gratuitement dans les collèges : cyberharcèlement,
        e-réputation, fonctionnement économique des réseaux sociaux.
      </p>
      <p>
        Une date publiée vous convient ? <Link href="/colleges/creneaux">Réservez un créneau</Link> : la séance est programmée tout de suite.
      </p>
      <p>
        Sinon, remplissez ce formulaire : vous recevrez un lien personnel pour suivre votre demande. Tous les champs sont
        obligatoires sauf mention « facultatif ».
      </p>
      {communes.isPending ? (
        <Spinner label="Préparation du formulaire…" />
      ) : communes.isError ? (
        <Alert type="error" title="Le formulaire n'a pas pu être préparé.">
          <p>{readApiError(communes.error).message}</p>
          <Button variant="secondary" size="small" onClick={() => void communes.refetch()}>
            Réessayer
          </Button>
        </Alert>
      ) : (
        <RequestForm communes={communes.data} onDone={setDone} prefill={prefill} />
      )}
    </>
  );
}


// The slot pages share this chunk (and its form): a chunk of their own would add its name to the
// home page's first load, which is at its budget.
export { default as CollegeSlotRoutes } from "../college-slot/CollegeSlotRoutes.js";
