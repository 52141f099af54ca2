import { useState, type FormEvent } from "react";
import { Link, useLocation, useSearch } from "wouter";
import {
  ageBrackets,
  collectiveInputOf,
  collectiveRecordInput,
  DURATION_PRESETS,
  equipment,
  formatDuration,
  genders,
  locationTypes,
  mediationThemes,
  socialStatuses,
  workshopLevels,
} from "@medianum/domain";
import {
  Alert,
  Button,
  CheckboxGroup,
  ErrorSummary,
  NumberField,
  RadioGroup,
  SelectField,
  Spinner,
  TextArea,
  TextField,
  issuesToFieldErrors,
  toSummary,
  type FieldErrors,
} from "@medianum/ui";
import { Title, todayIso, useFlash } from "../common.js";
import { useDevice } from "../offline/device.js";
import { useLive } from "../offline/live.js";
import { localDefaults, saveCollective } from "../offline/records.js";
import type { LocalRecord, PlaceRow } from "../offline/db.js";
import { useFirstSyncReady, useLateDefaults } from "../offline/first-sync.js";

type Counts = Record<string, number | null>;
interface Values {
  date: string;
  durationMinutes: number | null;
  locationType: string;
  placeId: string;
  workshopTitle: string;
  workshopLevel: string | null;
  participantsCount: number | null;
  themes: string[];
  equipment: string[];
  gender: Counts;
  ageBracket: Counts;
  socialStatus: Counts;
  notes: string;
}

const FIELD_ORDER = ["date", "durationMinutes", "locationType", "placeId", "workshopTitle", "workshopLevel", "participantsCount", "themes", "equipment", "breakdown", "notes"];

function fromRecord(r: LocalRecord, keepDate: boolean): Values {
  const input = collectiveInputOf(r);
  const b = input.breakdown ?? { gender: {}, ageBracket: {}, socialStatus: {} };
  return {
    date: keepDate ? r.date : todayIso(),
    durationMinutes: r.durationMinutes,
    locationType: r.locationType,
    placeId: r.placeId ?? "",
    workshopTitle: r.workshopTitle ?? "",
    workshopLevel: r.workshopLevel,
    participantsCount: keepDate ? r.participantsCount : null,
    themes: [...r.themes],
    equipment: [...r.equipment],
    gender: keepDate ? { ...(b.gender as Counts) } : {},
    ageBracket: keepDate ? { ...(b.ageBracket as Counts) } : {},
    socialStatus: keepDate ? { ...(b.socialStatus as Counts) } : {},
    notes: keepDate ? (r.notes ?? "") : "",
  };
}

/** Collective workshop with the anonymous breakdown of participants (genre, age, status), as in the Coop. */
export function CollectiveRecordPage({ editId }: { editId?: string }) {
  const { db } = useDevice();
  const from = new URLSearchParams(useSearch()).get("depuis");
  const data = useLive(async () => {
    const places = await db.places.toArray();
    places.sort((a, b) => a.communeName.localeCompare(b.communeName, "fr") || a.name.localeCompare(b.name, "fr"));
    const id = editId ?? from;
    const source = id ? ((await db.records.get(id)) ?? null) : null;
    const rejected = editId ? ((await db.outbox.where("entityId").equals(editId).filter((o) => o.status === "rejected").first()) ?? null) : null;
    return { places, defaults: await localDefaults(db, "Collectif"), source, rejected };
  }, [db, editId, from]);
  const title = editId ? "Modifier un atelier collectif" : "Atelier collectif";
  const firstSync = useFirstSyncReady(db);
  const ready = firstSync.ready && data;
  return (
    <>
      <Title title={title} />
      <h1>{title}</h1>
      <p>Les champs sont obligatoires sauf mention « facultatif ». La répartition des participants est anonyme et facultative.</p>
      {!ready ? (
        <Spinner label="Préparation du formulaire…" />
      ) : editId && !data.source ? (
        <Alert type="error" title="Cet atelier n'est pas sur cet appareil.">
          <p>
            <Link href="/accompagnements">Retour à mes accompagnements</Link>
          </p>
        </Alert>
      ) : (
        <CollectiveForm
          places={data.places}
          initial={
            data.source
              ? fromRecord(data.source, !!editId)
              : {
                  date: todayIso(),
                  durationMinutes: data.defaults.lastDurationMinutes ?? 120,
                  locationType: "LieuActivite",
                  placeId: data.defaults.usualPlaceId ?? "",
                  workshopTitle: "",
                  workshopLevel: null,
                  participantsCount: null,
                  themes: [],
                  equipment: [],
                  gender: {},
                  ageBracket: {},
                  socialStatus: {},
                  notes: "",
                }
          }
          recentThemes={data.defaults.recentThemes}
          lateDefaults={data.source ? null : { durationMinutes: data.defaults.lastDurationMinutes ?? undefined, placeId: data.defaults.usualPlaceId ?? undefined }}
          beforeFirstDownload={!firstSync.downloaded}
          editId={editId}
          initialErrors={data.rejected?.fieldErrors}
        />
      )}
    </>
  );
}

function clean(c: Counts): Record<string, number> {
  return Object.fromEntries(Object.entries(c).filter(([, n]) => n != null && n > 0)) as Record<string, number>;
}

function CollectiveForm({
  places,
  initial,
  recentThemes,
  lateDefaults,
  beforeFirstDownload,
  editId,
  initialErrors,
}: {
  places: readonly PlaceRow[];
  initial: Values;
  recentThemes: string[];
  /** What the counsellor's own records say, for a form opened before the first download. */
  lateDefaults: Partial<Values> | null;
  beforeFirstDownload: boolean;
  editId?: string | undefined;
  initialErrors?: Record<string, string[]> | undefined;
}) {
  const { db, engine } = useDevice();
  const [, navigate] = useLocation();
  const flash = useFlash();
  const [values, setValues] = useState<Values>(initial);
  const [recordId] = useState(() => editId ?? crypto.randomUUID());
  const [errors, setErrors] = useState<FieldErrors>(() => Object.fromEntries(Object.entries(initialErrors ?? {}).map(([k, v]) => [k, v[0] ?? ""])));
  const [attempt, setAttempt] = useState(0);
  const [formError, setFormError] = useState<string | null>(null);
  const markTouched = useLateDefaults(lateDefaults ?? {}, setValues, beforeFirstDownload && lateDefaults !== null);
  const set = <K extends keyof Values>(k: K, v: Values[K]) => {
    markTouched(k);
    setValues((s) => ({ ...s, [k]: v }));
  };
  const setCount = (group: "gender" | "ageBracket" | "socialStatus", key: string, n: number | null) =>
    setValues((s) => ({ ...s, [group]: { ...s[group], [key]: n } }));
  const atPlace = values.locationType === "LieuActivite";
  const recent = recentThemes.filter((t) => mediationThemes.has(t));
  const themeOptions = [...recent.map((t) => mediationThemes.items.find((i) => i.value === t)!), ...mediationThemes.items.filter((i) => !recent.includes(i.value))];

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    setFormError(null);
    const parsed = collectiveRecordInput.safeParse({
      id: recordId,
      date: values.date,
      durationMinutes: values.durationMinutes,
      locationType: values.locationType,
      placeId: atPlace ? values.placeId || null : null,
      themes: values.themes,
      equipment: values.equipment,
      workshopTitle: values.workshopTitle,
      workshopLevel: values.workshopLevel,
      participantsCount: values.participantsCount,
      breakdown: { gender: clean(values.gender), ageBracket: clean(values.ageBracket), socialStatus: clean(values.socialStatus) },
      notes: values.notes,
    });
    if (!parsed.success) {
      setErrors(issuesToFieldErrors(parsed.error.issues));
      setAttempt((n) => n + 1);
      return;
    }
    setErrors({});
    try {
      // Refused here as the server would refuse it: nothing is saved, the field says why.
      const refused = await saveCollective(db, parsed.data, editId ? "update" : "create");
      if (refused) {
        if (refused.field) setErrors({ [refused.field]: refused.message });
        else setFormError(refused.message);
        setAttempt((n) => n + 1);
        return;
      }
      void engine.run({ now: true });
      flash.set(navigator.onLine ? "Atelier enregistré" : "Atelier enregistré sur cet appareil : il sera envoyé dès le retour du réseau.");
      navigate("/accompagnements");
    } catch {
      setFormError("L'appareil n'a pas pu enregistrer (stockage plein ou navigation privée ?).");
    }
  }

  const fieldError = (key: string) => Object.entries(errors).find(([k]) => k === key || k.startsWith(`${key}.`))?.[1];
  const presets = DURATION_PRESETS.map((m) => `${formatDuration(m)}`).join(", ");
  const group = (name: "gender" | "ageBracket" | "socialStatus", legend: string, items: ReadonlyArray<{ value: string; label: string }>) => (
    <fieldset className="mn-field">
      <legend className="mn-legend">{legend}</legend>
      {items.map((i) => (
        <NumberField
          key={i.value}
          label={i.label}
          name={`${name}-${i.value}`}
          optional
          value={values[name][i.value] ?? null}
          onChange={(n) => setCount(name, i.value, n)}
        />
      ))}
    </fieldset>
  );

  return (
    <>
      <ErrorSummary errors={toSummary(errors, FIELD_ORDER, (k) => (k.split(".")[0] === "breakdown" ? "participantsCount" : (k.split(".")[0] ?? k)))} focusKey={attempt} />
      {formError ? (
        <Alert type="error" title="L'atelier n'a pas pu être enregistré.">
          <p>{formError}</p>
        </Alert>
      ) : null}
      <form noValidate onSubmit={(e) => void onSubmit(e)}>
        <TextField label="Date" name="date" type="date" max={todayIso()} value={values.date} onChange={(e) => set("date", e.target.value)} error={fieldError("date")} short />
        <NumberField label="Durée en minutes" name="durationMinutes" hint={`Durées habituelles : ${presets}.`} value={values.durationMinutes} onChange={(n) => set("durationMinutes", n)} error={fieldError("durationMinutes")} />
        <TextField label="Titre de l'atelier" name="workshopTitle" value={values.workshopTitle} onChange={(e) => set("workshopTitle", e.target.value)} error={fieldError("workshopTitle")} />
        <RadioGroup legend="Niveau" name="workshopLevel" optional inline options={workshopLevels.items} value={values.workshopLevel} onChange={(v) => set("workshopLevel", v)} error={fieldError("workshopLevel")} />
        <RadioGroup legend="Lieu de l'atelier" name="locationType" options={locationTypes.items} value={values.locationType} onChange={(v) => set("locationType", v)} error={fieldError("locationType")} />
        {atPlace ? (
          <SelectField
            label="Quel lieu d'activité ?"
            name="placeId"
            placeholder="Choisissez un lieu"
            options={places.map((p) => ({ value: p.id, label: `${p.name} (${p.communeName})` }))}
            value={values.placeId}
            onChange={(e) => set("placeId", e.target.value)}
            error={fieldError("placeId")}
          />
        ) : null}
        <NumberField label="Nombre de participants" name="participantsCount" value={values.participantsCount} onChange={(n) => set("participantsCount", n)} error={fieldError("participantsCount") ?? fieldError("breakdown")} />
        <CheckboxGroup legend="Thématiques" name="themes" hint="Cochez-en au moins une." options={themeOptions} value={values.themes} onChange={(v) => set("themes", v)} error={fieldError("themes")} />
        <CheckboxGroup legend="Matériel utilisé" name="equipment" optional options={equipment.items} value={values.equipment} onChange={(v) => set("equipment", v)} error={fieldError("equipment")} />
        <h2>Répartition des participants</h2>
        <p className="mn-hint">Anonyme : comptez les personnes, sans les nommer. Chaque total peut être inférieur au nombre de participants si vous ne savez pas.</p>
        {group("gender", "Genre", genders.items)}
        {group("ageBracket", "Tranche d'âge", ageBrackets.items)}
        {group("socialStatus", "Statut", socialStatuses.items)}
        <TextArea label="Notes" name="notes" optional value={values.notes} onChange={(e) => set("notes", e.target.value)} error={fieldError("notes")} />
        <Button type="submit" block>
          {editId ? "Enregistrer les modifications" : "Enregistrer l'atelier"}
        </Button>
      </form>
    </>
  );
}
