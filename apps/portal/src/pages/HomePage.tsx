import { lazy, Suspense, useState } from "react";
import { useQuery } from "@tanstack/react-query";
import { Link, useLocation, useSearch } from "wouter";
import { availabilityLabel, formatDateTime, formatDuration } from "@medianum/domain";
import { Alert, Badge, Button, EmptyState, Spinner, readApiError, useDocumentTitle, VisuallyHidden } from "@medianum/ui";
import { useTRPC } from "@medianum/api-client";
import type { Filters } from "./filters.js";

// The filter form (fields, theme list) loads when a parent opens it: the first page stays light.
const CatalogueFilters = lazy(() => import("./CatalogueFilters.js"));

/** Filters live in the address (?lieu=…&theme=…&du=…&au=…): a filtered list can be shared or bookmarked. */
function readFilters(search: string): Filters {
  const p = new URLSearchParams(search);
  return { where: p.get("lieu") ?? "", theme: p.get("theme") ?? "", from: p.get("du") ?? "", to: p.get("au") ?? "" };
}

function toSearch(f: Filters): string {
  const p = new URLSearchParams();
  if (f.where) p.set("lieu", f.where);
  if (f.theme) p.set("theme", f.theme);
  if (f.from) p.set("du", f.from);
  if (f.to) p.set("au", f.to);
  const s = p.toString();
  return s ? `?${s}` : "";
}

const DAY_RE = /^\d{4}-\d{2}-\d{2}$/;
/** A calendar day typed in the form, as the start (or end) of that day in the parent's time. */
function dayBound(day: string, end: boolean): Date | undefined {
  if (!DAY_RE.test(day)) return undefined;
  const d = new Date(`${day}T${end ? "23:59:59" : "00:00:00"}`);
  return Number.isNaN(d.getTime()) ? undefined : d;
}

// Theme codes are checked by the server; an unknown one in a hand-edited address is dropped here.
const THEME_RE = /^[a-z_]{2,40}$/;

function queryInput(f: Filters) {
  return {
    ...(f.where.startsWith("c:") ? { communeInsee: f.where.slice(2) } : {}),
    ...(f.where.startsWith("e:") ? { epciCode: f.where.slice(2) } : {}),
    ...(THEME_RE.test(f.theme) ? { theme: f.theme as "screens" } : {}),
    ...(dayBound(f.from, false) ? { from: dayBound(f.from, false) } : {}),
    ...(dayBound(f.to, true) ? { to: dayBound(f.to, true) } : {}),
  };
}

export function HomePage() {
  useDocumentTitle("Ateliers e-parentalité — inscription gratuite");
  const trpc = useTRPC();
  const search = useSearch();
  const [, navigate] = useLocation();
  const applied = readFilters(search);
  const sessions = useQuery(trpc.booking.upcomingSessions.queryOptions(queryInput(applied)));
  const filtered = !!(applied.where || applied.theme || applied.from || applied.to);
  const [filtersOpen, setFiltersOpen] = useState(filtered);

  return (
    <>
      <h1>Ateliers e-parentalité à venir</h1>
      <p className="mn-lead">
        Écrans à la maison, réseaux sociaux, cyberharcèlement, Pronote et ÉduConnect : des ateliers gratuits, près de chez
        vous, pour accompagner vos enfants dans le numérique.
      </p>

      <details className="mn-filters" open={filtersOpen} onToggle={(e) => setFiltersOpen(e.currentTarget.open)}>
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
            {sessions.data.length === 1 ? "1 séance" : `${sessions.data.length} séances`}
          </h2>
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
