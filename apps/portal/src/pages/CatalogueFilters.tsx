import { useState, type FormEvent } from "react";
import { useQuery } from "@tanstack/react-query";
import { WORKSHOP_THEME_ITEMS } from "@medianum/domain";
import { Button, SelectField, TextField } from "@medianum/ui";
import { useTRPC } from "@medianum/api-client";
import type { Filters } from "./filters.js";

const EMPTY: Filters = { where: "", theme: "", from: "", to: "" };

export default function CatalogueFilters({ applied, filtered, onApply }: { applied: Filters; filtered: boolean; onApply: (f: Filters) => void }) {
  const trpc = useTRPC();
  const options = useQuery(trpc.booking.filterOptions.queryOptions());
  const [draft, setDraft] = useState<Filters>(applied);
  const [dateError, setDateError] = useState<string | null>(null);

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (draft.from && draft.to && draft.to < draft.from) {
      setDateError("La date de fin doit être après la date de début.");
      document.getElementById("au")?.focus();
      return;
    }
    setDateError(null);
    onApply(draft);
  }

  const whereOptions = [
    ...(options.data?.epcis ?? []).map((e) => ({ value: `e:${e.code}`, label: `${e.name} (intercommunalité)` })),
    ...(options.data?.communes ?? []).map((c) => ({ value: `c:${c.inseeCode}`, label: c.name })),
  ];
  // Keep the applied place in the list even before the options have loaded.
  if (applied.where && !whereOptions.some((o) => o.value === applied.where)) whereOptions.unshift({ value: applied.where, label: "Lieu choisi" });

  return (
    <form onSubmit={onSubmit} aria-label="Filtrer les ateliers" noValidate>
      <SelectField
        label="Où ?"
        name="lieu"
        placeholder="Partout dans le département"
        options={whereOptions}
        value={draft.where}
        onChange={(e) => setDraft({ ...draft, where: e.target.value })}
      />
      <SelectField
        label="Thème"
        name="theme"
        placeholder="Tous les thèmes"
        options={WORKSHOP_THEME_ITEMS}
        value={draft.theme}
        onChange={(e) => setDraft({ ...draft, theme: e.target.value })}
      />
      <TextField label="À partir du" name="du" type="date" optional value={draft.from} onChange={(e) => setDraft({ ...draft, from: e.target.value })} />
      <TextField label="Jusqu'au" name="au" type="date" optional value={draft.to} error={dateError} onChange={(e) => setDraft({ ...draft, to: e.target.value })} />
      <div className="mn-actions">
        <Button type="submit">Afficher les ateliers</Button>
        {filtered ? (
          <Button
            variant="secondary"
            onClick={() => {
              setDraft(EMPTY);
              onApply(EMPTY);
            }}
          >
            Tout afficher
          </Button>
        ) : null}
      </div>
    </form>
  );
}
