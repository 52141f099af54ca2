import { useState, type FormEvent } from "react";
import { useQuery } from "@tanstack/react-query";
import { useLocation, useSearch } from "wouter";
import {
  statsFilters,
  statsFiltersFromQuery,
  statsFiltersQuery,
  statsScopes,
  type StatsFilters,
  type StatsScope,
} from "@medianum/domain";
import { Button, ErrorSummary, SelectField, TextField, issuesToFieldErrors, toSummary, type FieldErrors } from "@medianum/ui";
import { useTRPC } from "@medianum/api-client";

/** Query string of an export link: the same filters as the screen. */
export const filtersQuery = statsFiltersQuery;

/**
 * Filters kept in the page address: a view can be bookmarked or shared, and the back button
 * returns to the previous filters. Applying filters adds a history entry.
 */
export function useUrlFilters(): [StatsFilters, (f: StatsFilters) => void] {
  const search = useSearch();
  const [location, navigate] = useLocation();
  const filters = statsFiltersFromQuery(new URLSearchParams(search), new Date());
  return [filters, (f) => navigate(`${location}?${statsFiltersQuery(f)}`)];
}

const ORDER = ["from", "to", "scope", "scopeId"];

/**
 * Period and scope, shared by the dashboard, the territory view and the exports. Values are
 * checked with the API's own schema before they are applied; typed values stay on error.
 */
export function FiltersForm({ value, onApply, withScope = true, idPrefix = "f" }: { value: StatsFilters; onApply: (f: StatsFilters) => void; withScope?: boolean; idPrefix?: string }) {
  const trpc = useTRPC();
  const options = useQuery({ ...trpc.territory.options.queryOptions(), enabled: withScope });
  const toDraft = (f: StatsFilters) => ({ from: f.from, to: f.to, scope: f.scope as StatsScope, scopeId: f.scopeId ?? "" });
  const [draft, setDraft] = useState(() => toDraft(value));
  // Filters changed from outside (back button, a shared link): the form shows them. Adjusted
  // during render rather than by remounting, so that the focus stays on the button.
  const valueKey = statsFiltersQuery(value);
  const [shownKey, setShownKey] = useState(valueKey);
  if (shownKey !== valueKey) {
    setShownKey(valueKey);
    setDraft(toDraft(value));
  }
  const [errors, setErrors] = useState<FieldErrors>({});
  const [attempt, setAttempt] = useState(0);
  const id = (f: string) => `${idPrefix}-${f}`;

  function submit(e: FormEvent) {
    e.preventDefault();
    const res = statsFilters.safeParse({ ...draft, scopeId: draft.scope === "departement" ? undefined : draft.scopeId });
    if (!res.success) {
      setErrors(issuesToFieldErrors(res.error.issues));
      setAttempt((n) => n + 1);
      return;
    }
    setErrors({});
    onApply(res.data);
  }

  const scopeOptions =
    draft.scope === "epci"
      ? (options.data?.epcis ?? []).map((e) => ({ value: e.code, label: e.name }))
      : draft.scope === "commune"
        ? (options.data?.communes ?? []).map((c) => ({ value: c.inseeCode, label: `${c.name} (${c.inseeCode})` }))
        : (options.data?.counsellors ?? []).map((c) => ({ value: c.id, label: c.name }));
  const scopeLabel = draft.scope === "epci" ? "Intercommunalité" : draft.scope === "commune" ? "Commune" : "Conseiller ou conseillère";

  return (
    <form className="mn-filters" onSubmit={submit} noValidate aria-label="Période et territoire">
      <ErrorSummary errors={toSummary(errors, ORDER, id)} focusKey={attempt} />
      <div className="mn-filters__row">
        <TextField label="Du" name={id("from")} type="date" value={draft.from} error={errors.from} onChange={(e) => setDraft({ ...draft, from: e.target.value })} />
        <TextField label="Au" name={id("to")} type="date" value={draft.to} error={errors.to} onChange={(e) => setDraft({ ...draft, to: e.target.value })} />
        {withScope ? (
          <>
            <SelectField
              label="Territoire"
              name={id("scope")}
              options={statsScopes.items}
              value={draft.scope}
              error={errors.scope}
              onChange={(e) => setDraft({ ...draft, scope: statsScopes.has(e.target.value) ? e.target.value : "departement", scopeId: "" })}
            />
            {draft.scope !== "departement" ? (
              <SelectField
                label={scopeLabel}
                name={id("scopeId")}
                placeholder="Choisir…"
                options={scopeOptions}
                value={draft.scopeId}
                error={errors.scopeId}
                onChange={(e) => setDraft({ ...draft, scopeId: e.target.value })}
              />
            ) : null}
          </>
        ) : null}
      </div>
      <div className="mn-actions">
        <Button type="submit">Afficher</Button>
      </div>
    </form>
  );
}
