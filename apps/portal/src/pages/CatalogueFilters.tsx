import { useState, type FormEvent } from "react";
import { useQuery } from "@tanstack/react-query";
import { WORKSHOP_THEME_ITEMS } from "@medianum/domain";
import { Button, SelectField, TextField } from "@medianum/ui";
import { useTRPC } from "@medianum/api-client";
import { CommuneCombobox, searchChoices, type PlaceChoice } from "./CommuneCombobox.js";
import type { Filters } from "./filters.js";

const EMPTY: Filters = { where: "", theme: "", from: "", to: "" };

export default function CatalogueFilters({ applied, filtered, onApply }: { applied: Filters; filtered: boolean; onApply: (f: Filters) => void }) {
  const trpc = useTRPC();
  // Every commune of the département (any of them, not only those hosting sessions) and the intercommunalités with sessions.
  const communes = useQuery(trpc.booking.communes.queryOptions());
  const options = useQuery(trpc.booking.filterOptions.queryOptions());
  const [draft, setDraft] = useState<Filters>(applied);
  const [whereText, setWhereText] = useState("");
  const [whereError, setWhereError] = useState<string | null>(null);
  const [dateError, setDateError] = useState<string | null>(null);

  const choices: PlaceChoice[] = [
    ...(communes.data ?? []).map((c) => ({ value: `c:${c.inseeCode}`, label: c.name, postalCode: c.postalCode })),
    ...(options.data?.epcis ?? []).map((e) => ({ value: `e:${e.code}`, label: `${e.name} (intercommunalité)` })),
  ];

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    let where = draft.where;
    if (!where && whereText.trim()) {
      // A name typed in full without picking it from the list counts when it names one place only.
      const found = searchChoices(choices, whereText);
      const typed = whereText.trim().toLowerCase();
      const exact = choices.filter((c) => c.label.toLowerCase() === typed || `${c.label} (${c.postalCode})`.toLowerCase() === typed);
      const only = exact.length === 1 ? exact[0] : found.length === 1 ? found[0] : undefined;
      if (!only) {
        setWhereError(
          found.length === 0
            ? "Où ? : aucune commune du département ne porte ce nom ; vérifiez l'orthographe ou effacez le champ pour tout afficher."
            : "Où ? : plusieurs communes correspondent ; choisissez la vôtre dans la liste proposée.",
        );
        document.getElementById("lieu")?.focus();
        return;
      }
      where = only.value;
    }
    setWhereError(null);
    if (draft.from && draft.to && draft.to < draft.from) {
      setDateError("Jusqu'au : choisissez une date après celle du champ « À partir du ».");
      document.getElementById("au")?.focus();
      return;
    }
    setDateError(null);
    onApply({ ...draft, where });
  }

  return (
    <form onSubmit={onSubmit} aria-label="Filtrer les ateliers" noValidate>
      <CommuneCombobox
        id="lieu"
        label="Où ?"
        hint="Tapez le nom de votre commune ou son code postal : les ateliers les plus proches s'affichent en premier. Laissez vide pour tout le département."
        choices={choices}
        value={draft.where}
        error={whereError}
        onChange={(where, text) => {
          setDraft((d) => ({ ...d, where }));
          setWhereText(text);
        }}
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
              setWhereText("");
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
