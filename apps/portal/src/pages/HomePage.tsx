import { lazy, Suspense, useEffect, useRef, useState } from "react";
import { useQuery } from "@tanstack/react-query";
import { Link, useLocation, useSearch } from "wouter";
import { availabilityLabel, countOf, formatDateTime, formatDuration } from "@medianum/domain";
import { Alert, Badge, Button, EmptyState, Spinner, readApiError, useDocumentTitle, VisuallyHidden } from "@medianum/ui";
import { useTRPC } from "@medianum/api-client";
import { catalogueQueryInput, readFilters, toSearch } from "./filters.js";

// The filter form (fields, theme list) loads when a parent opens it: the first page stays light.
const CatalogueFilters = lazy(() => import("./CatalogueFilters.js"));

export function HomePage() {
  useDocumentTitle("Ateliers e-parentalité — inscription gratuite");
  const trpc = useTRPC();
  const search = useSearch();
  const [, navigate] = useLocation();
  const applied = readFilters(search);
  const sessions = useQuery(trpc.booking.upcomingSessions.queryOptions(catalogueQueryInput(applied)));
  const filtered = !!(applied.where || applied.theme || applied.from || applied.to);
  const near = applied.where.startsWith("c:");
  const [filtersOpen, setFiltersOpen] = useState(filtered);
  // Opened on the server's HTML before the script took the page over (a slow line): the browser
  // opened the box, and React, which does not fix attributes when it takes over, would leave it empty.
  const filtersBox = useRef<HTMLDetailsElement>(null);
  useEffect(() => {
    if (filtersBox.current?.open) setFiltersOpen(true);
  }, []);

  return (
    <>
      <h1>Ateliers e-parentalité à venir</h1>
      <p className="mn-lead">
        Écrans à la maison, réseaux sociaux, cyberharcèlement, Pronote et ÉduConnect : des ateliers gratuits, près de chez
        vous, pour accompagner vos enfants dans le numérique.
      </p>

      <details ref={filtersBox} className="mn-filters" open={filtersOpen} onToggle={(e) => setFiltersOpen(e.currentTarget.open)}>
        <summary>Choisir un lieu, une date ou un thème</summary>
        {filtersOpen ? (
          <Suspense fallback={<Spinner label="Chargement des filtres…" />}>
            <CatalogueFilters applied={applied} filtered={filtered} onApply={(f) => navigate(`/${toSearch(f)}`)} />
          </Suspense>
        ) : null}
      </details>

      {sessions.isPending ? (
        <Spinner label="Chargement des ateliers…" />
      ) : sessions.isError ? (
        <Alert type="error" title="Les ateliers n'ont pas pu être affichés.">
          <p>{readApiError(sessions.error).message}</p>
          <Button variant="secondary" size="small" onClick={() => void sessions.refetch()}>
            Réessayer
          </Button>
        </Alert>
      ) : sessions.data.length === 0 ? (
        <EmptyState title={filtered ? "Aucun atelier ne correspond à votre recherche." : "Aucun atelier n'est programmé pour le moment."}>
          <p>{filtered ? "Essayez un autre lieu ou d'autres dates." : "De nouvelles dates sont ajoutées régulièrement : revenez bientôt."}</p>
        </EmptyState>
      ) : (
        <>
          <h2 className="mn-visually-hidden" aria-live="polite">
            {countOf(sessions.data.length, "séance")}
          </h2>
          {near ? (
            <p>
              {sessions.data[0]!.distanceKm !== null
                ? "Les ateliers les plus proches d'abord (à vol d'oiseau)."
                : "Distance inconnue : d'abord la commune, son intercommunalité, son arrondissement, puis par date."}
            </p>
          ) : null}
          <ul className="mn-card-list">
            {sessions.data.map((s) => {
              const full = s.seatsLeft <= 0;
              const when = formatDateTime(s.startsAt);
              return (
                <li className="mn-card" key={s.id}>
                  <h3 className="mn-card__title">{s.title}</h3>
                  <p className="mn-card__summary">{s.description}</p>
                  <p>
                    <strong>{when}</strong>
                    <br />
                    Durée : {formatDuration(s.durationMinutes)}
                  </p>
                  <p>
                    {s.place.name}
                    <br />
                    {s.place.address}, {s.place.postalCode} {s.place.communeName}
                    {s.nearLabel ? (
                      <>
                        <br />
                        <strong>{s.nearLabel}</strong>
                      </>
                    ) : null}
                  </p>
                  <p>
                    <Badge tone={full ? "danger" : s.seatsLeft <= 3 ? "warning" : "success"}>{availabilityLabel(s.seatsLeft)}</Badge>
                  </p>
                  <p className="mn-card__footer">
                    <Link href={`/seances/${s.id}`} className="mn-button mn-button--block">
                      {full ? "Rejoindre la liste d'attente" : "S'inscrire"}
                      <VisuallyHidden>{` : ${s.title}, ${when}`}</VisuallyHidden>
                    </Link>
                  </p>
                </li>
              );
            })}
          </ul>
        </>
      )}
    </>
  );
}
