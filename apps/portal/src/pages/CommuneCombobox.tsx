import { useId, useMemo, useState, type KeyboardEvent } from "react";
import { communeSearchKey, countOf } from "@medianum/domain";
import "./CommuneCombobox.css";

export interface PlaceChoice {
  /** "c:47001" for a commune, "e:200096956" for an intercommunalité. */
  value: string;
  label: string;
  /** Postal code, shown after the name and searchable ("47300" finds Villeneuve-sur-Lot). */
  postalCode?: string | null;
}

/** Matches shown at once: enough to pick from, short enough to read with a screen reader. */
const MAX_SHOWN = 8;

interface Ranked {
  choice: PlaceChoice;
  rank: number;
}

/** Names starting with the text first, then a word of the name, then anywhere; a postal code by its start. */
export function searchChoices(choices: readonly PlaceChoice[], text: string): PlaceChoice[] {
  const key = communeSearchKey(text);
  if (!key) return [];
  const ranked: Ranked[] = [];
  for (const choice of choices) {
    const name = communeSearchKey(choice.label);
    const rank = name.startsWith(key) ? 0 : name.includes(` ${key}`) ? 1 : name.includes(key) ? 2 : choice.postalCode?.startsWith(key) ? 3 : -1;
    if (rank >= 0) ranked.push({ choice, rank });
  }
  return ranked.sort((a, b) => a.rank - b.rank).map((r) => r.choice);
}

/**
 * « Où ? » as an editable combobox with a list (WAI-ARIA 1.2 pattern): type a few letters of any
 * commune, arrows to move, Enter to choose, Escape to close. The list is filtered in the browser
 * from the communes loaded with this chunk's query, never part of the first page.
 */
export function CommuneCombobox({
  id,
  label,
  hint,
  choices,
  value,
  onChange,
  error,
}: {
  id: string;
  label: string;
  hint: string;
  choices: readonly PlaceChoice[];
  value: string;
  onChange: (value: string, text: string) => void;
  error?: string | null;
}) {
  const listId = useId();
  const selected = choices.find((c) => c.value === value);
  // null: show the chosen place's name (known once the list has loaded); a string: what the person typed.
  const [typed, setTyped] = useState<string | null>(null);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const text = typed ?? (selected ? optionText(selected) : "");
  const matches = useMemo(() => searchChoices(choices, typed ?? ""), [choices, typed]);
  const shown = matches.slice(0, MAX_SHOWN);
  const expanded = open && shown.length > 0;

  function choose(choice: PlaceChoice) {
    setTyped(null);
    setOpen(false);
    setActive(-1);
    onChange(choice.value, optionText(choice));
  }

  function onKeyDown(e: KeyboardEvent<HTMLInputElement>) {
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      if (!expanded) {
        setOpen(true);
        setActive(e.key === "ArrowDown" ? 0 : shown.length - 1);
        return;
      }
      setActive((i) => (e.key === "ArrowDown" ? (i + 1) % shown.length : (i <= 0 ? shown.length : i) - 1));
    } else if (e.key === "Enter" && expanded && active >= 0) {
      // Enter on a highlighted suggestion chooses it instead of sending the form.
      e.preventDefault();
      choose(shown[active]!);
    } else if (e.key === "Escape") {
      if (expanded) {
        e.preventDefault();
        setOpen(false);
        setActive(-1);
      }
    }
  }

  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const statusText = typed && open ? (matches.length === 0 ? "Aucune commune ne correspond." : `${countOf(matches.length, "lieu trouvé", "lieux trouvés")}${matches.length > MAX_SHOWN ? `, les ${MAX_SHOWN} premiers affichés` : ""}.`) : "";

  return (
    <div className={error ? "mn-field mn-field--error mn-combobox" : "mn-field mn-combobox"}>
      <label className="mn-label" htmlFor={id}>
        {label}
      </label>
      <span className="mn-hint" id={hintId}>
        {hint}
      </span>
      {error ? (
        <span className="mn-error-message" id={errorId}>
          <span className="mn-visually-hidden">Erreur : </span>
          {error}
        </span>
      ) : null}
      <input
        id={id}
        name={id}
        type="text"
        className="mn-input"
        role="combobox"
        autoComplete="off"
        spellCheck={false}
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-activedescendant={expanded && active >= 0 ? `${listId}-${active}` : undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${hintId} ${errorId}` : hintId}
        value={text}
        onChange={(e) => {
          setTyped(e.target.value);
          setOpen(true);
          setActive(-1);
          onChange("", e.target.value);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => setOpen(false)}
      />
      <ul id={listId} role="listbox" aria-label={label} className="mn-combobox__list" hidden={!expanded}>
        {shown.map((c, i) => (
          <li
            key={c.value}
            id={`${listId}-${i}`}
            role="option"
            aria-selected={i === active}
            className="mn-combobox__option"
            // mousedown, not click: the input keeps its focus and the choice lands before blur closes the list.
            onMouseDown={(e) => {
              e.preventDefault();
              choose(c);
            }}
          >
            {optionText(c)}
          </li>
        ))}
      </ul>
      <span className="mn-visually-hidden" role="status">
        {statusText}
      </span>
    </div>
  );
}

function optionText(c: PlaceChoice): string {
  return c.postalCode ? `${c.label} (${c.postalCode})` : c.label;
}
