import { useState, type FormEvent } from "react";
import { Link, useLocation, useSearch } from "wouter";
import {
  administrativeThemes,
  ageBrackets,
  autonomyLevels,
  DURATION_PRESETS,
  equipment,
  formatDuration,
  genders,
  individualInputOf,
  individualRecordInput,
  locationTypes,
  mediationThemes,
  redirectionStructures,
  socialStatuses,
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
import { localDefaults, saveIndividual, type RecordDefaults } from "../offline/records.js";
import type { LocalRecord } from "../offline/db.js";
import { useFirstSyncReady, useLateDefaults } from "../offline/first-sync.js";

const ADMIN_THEME = "AideAuxDemarchesAdministratives";
const CUSTOM = "custom";

interface Place {
  id: string;
  name: string;
  communeName: string;
}
type Defaults = RecordDefaults;

/**
 * Individual accompaniment: new, edited (`editId`) or duplicated from another record
 * (`?depuis=<id>`). Everything comes from the device and is saved there first, so it works
 * without network; the outbox sends it when it can.
 */
export function NewAccompanimentPage({ editId }: { editId?: string }) {
  const { db } = useDevice();
  const from = new URLSearchParams(useSearch()).get("depuis");
  const data = useLive(async () => {
    const [places, defaults, source, pending] = await Promise.all([
      db.places.orderBy("id").toArray(),
      localDefaults(db),
      editId ?? from ? db.records.get((editId ?? from)!) : Promise.resolve(undefined),
      editId ? db.outbox.where("entityId").equals(editId).filter((o) => o.status === "rejected").first() : Promise.resolve(undefined),
    ]);
    places.sort((a, b) => a.communeName.localeCompare(b.communeName, "fr") || a.name.localeCompare(b.name, "fr"));
    return { places, defaults, source: source ?? null, rejected: pending ?? null };
    // Read once: the form must not change under the person's fingers.
  }, [db, editId, from]);
  const title = editId ? "Modifier un accompagnement" : "Nouvel accompagnement";
  const firstSync = useFirstSyncReady(db);
  const ready = firstSync.ready && data;
  return (
    <>
      <Title title={title} />
      <h1>{title}</h1>
      <p>Accompagnement individuel. Les champs sont obligatoires sauf mention « facultatif ».</p>
      {!ready ? (
        <Spinner label="Préparation du formulaire…" />
      ) : editId && !data.source ? (
        <Alert type="error" title="Cet accompagnement n'est pas sur cet appareil.">
          <p>
            <Link href="/accompagnements">Retour à mes accompagnements</Link>
          </p>
        </Alert>
      ) : (
        <>
          {data.places.length === 0 ? (
            <Alert type="info">
              <p>La liste des lieux n'est pas encore sur cet appareil : elle arrivera à la prochaine connexion. Vous pouvez saisir un accompagnement à domicile, à distance ou ailleurs.</p>
            </Alert>
          ) : null}
          <AccompanimentForm
            places={data.places}
            defaults={data.defaults}
            source={data.source}
            mode={editId ? "update" : "create"}
            initialErrors={data.rejected?.fieldErrors}
            beforeFirstDownload={!firstSync.downloaded}
          />
        </>
      )}
    </>
  );
}

interface Values {
  date: string;
  durationPreset: string;
  durationCustom: number | null;
  locationType: string;
  placeId: string;
  themes: string[];
  administrativeThemes: string[];
  equipment: string[];
  autonomy: string | null;
  redirectionStructure: string;
  gender: string;
  ageBracket: string;
  socialStatus: string;
  notes: string;
}

const FIELD_ORDER = [
  "date",
  "durationMinutes",
  "locationType",
  "placeId",
  "themes",
  "administrativeThemes",
  "equipment",
  "autonomy",
  "redirectionStructure",
  "gender",
  "ageBracket",
  "socialStatus",
  "notes",
];

function valuesOf(r: LocalRecord, keepDate: boolean): Values {
  const input = individualInputOf(r);
  const preset = (DURATION_PRESETS as readonly number[]).includes(r.durationMinutes);
  return {
    date: keepDate ? r.date : todayIso(),
    durationPreset: preset ? String(r.durationMinutes) : CUSTOM,
    durationCustom: preset ? null : r.durationMinutes,
    locationType: r.locationType,
    placeId: r.placeId ?? "",
    themes: [...r.themes],
    administrativeThemes: [...r.administrativeThemes],
    equipment: [...r.equipment],
    autonomy: r.autonomy,
    redirectionStructure: r.redirectionStructure ?? "",
    gender: input.gender ?? "NonCommunique",
    ageBracket: input.ageBracket ?? "NonCommunique",
    socialStatus: input.socialStatus ?? "NonCommunique",
    // Notes are about one person: a duplicate starts without them.
    notes: keepDate ? (r.notes ?? "") : "",
  };
}

function initialValues(places: readonly Place[], defaults: Defaults): Values {
  const last = defaults.lastDurationMinutes ?? 30;
  const preset = (DURATION_PRESETS as readonly number[]).includes(last);
  const usual = defaults.usualPlaceId && places.some((p) => p.id === defaults.usualPlaceId) ? defaults.usualPlaceId : "";
  return {
    date: todayIso(),
    durationPreset: preset ? String(last) : CUSTOM,
    durationCustom: preset ? null : last,
    locationType: "LieuActivite",
    placeId: usual,
    themes: [],
    administrativeThemes: [],
    equipment: [],
    autonomy: null,
    redirectionStructure: "",
    gender: "NonCommunique",
    ageBracket: "NonCommunique",
    socialStatus: "NonCommunique",
    notes: "",
  };
}

/** Only what the counsellor's own records say (no fallback): what a late first download can bring. */
function lateDefaults(places: readonly Place[], defaults: Defaults): Partial<Values> {
  const fresh = initialValues(places, defaults);
  return defaults.lastDurationMinutes == null
    ? { placeId: fresh.placeId }
    : { placeId: fresh.placeId, durationPreset: fresh.durationPreset, durationCustom: fresh.durationCustom };
}

function AccompanimentForm({
  places,
  defaults,
  source,
  mode,
  initialErrors,
  beforeFirstDownload,
}: {
  places: readonly Place[];
  defaults: Defaults;
  source: LocalRecord | null;
  mode: "create" | "update";
  initialErrors?: Record<string, string[]> | undefined;
  beforeFirstDownload: boolean;
}) {
  const { db, engine } = useDevice();
  const [, navigate] = useLocation();
  const flash = useFlash();
  const [values, setValues] = useState<Values>(() => (source ? valuesOf(source, mode === "update") : initialValues(places, defaults)));
  const markTouched = useLateDefaults(lateDefaults(places, defaults), setValues, beforeFirstDownload && !source);
  // One id per record typed (kept when editing): a record sent twice is stored once.
  const [recordId] = useState(() => (mode === "update" && source ? source.id : crypto.randomUUID()));
  const [errors, setErrors] = useState<FieldErrors>(() =>
    Object.fromEntries(Object.entries(initialErrors ?? {}).map(([k, v]) => [k, v[0] ?? ""])),
  );
  const [formError, setFormError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [saving, setSaving] = useState(false);

  async function save(input: Parameters<typeof saveIndividual>[1]) {
    setSaving(true);
    try {
      // Refused here as the server would refuse it: nothing is saved, the field says why.
      const refused = await saveIndividual(db, input, mode);
      if (refused) {
        if (refused.field) setErrors({ [refused.field]: refused.message });
        else setFormError(refused.message);
        setAttempt((n) => n + 1);
        return;
      }
      void engine.run({ now: true });
      flash.set(
        navigator.onLine
          ? mode === "update" ? "Accompagnement modifié" : "Accompagnement enregistré"
          : `${mode === "update" ? "Accompagnement modifié" : "Accompagnement enregistré"} sur cet appareil : il sera envoyé dès le retour du réseau.`,
      );
      navigate("/accompagnements");
    } catch {
      setFormError("L'appareil n'a pas pu enregistrer (stockage plein ou navigation privée ?).");
      setAttempt((n) => n + 1);
    } finally {
      setSaving(false);
    }
  }

  function set<K extends keyof Values>(key: K, value: Values[K]) {
    markTouched(key);
    setValues((v) => ({ ...v, [key]: value }));
  }

  const adminChecked = values.themes.includes(ADMIN_THEME);
  const atPlace = values.locationType === "LieuActivite";
  const recent = defaults.recentThemes.filter((t) => mediationThemes.has(t));
  const themeOptions = [
    ...recent.map((t) => mediationThemes.items.find((i) => i.value === t)!),
    ...mediationThemes.items.filter((i) => !recent.includes(i.value)),
  ];

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    setFormError(null);
    const input = {
      id: recordId,
      date: values.date,
      durationMinutes: values.durationPreset === CUSTOM ? values.durationCustom : Number(values.durationPreset),
      locationType: values.locationType,
      placeId: atPlace ? values.placeId || null : null,
      themes: values.themes,
      administrativeThemes: adminChecked ? values.administrativeThemes : [],
      equipment: values.equipment,
      autonomy: values.autonomy,
      redirectionStructure: values.redirectionStructure || null,
      gender: values.gender,
      ageBracket: values.ageBracket,
      socialStatus: values.socialStatus,
      notes: values.notes,
    };
    const parsed = individualRecordInput.safeParse(input);
    if (!parsed.success) {
      setErrors(issuesToFieldErrors(parsed.error.issues));
      setAttempt((n) => n + 1);
      return;
    }
    setErrors({});
    void save(parsed.data);
  }

  // Errors of "themes.0" belong to the themes group, "durationMinutes" to the field shown.
  const fieldError = (key: string) => Object.entries(errors).find(([k]) => k === key || k.startsWith(`${key}.`))?.[1];
  const idOf = (key: string) => {
    const root = key.split(".")[0] ?? key;
    if (root === "durationMinutes") return values.durationPreset === CUSTOM ? "durationMinutes" : "durationPreset";
    return root;
  };

  return (
    <>
      <ErrorSummary errors={toSummary(errors, FIELD_ORDER, idOf)} focusKey={attempt} />
      {formError ? (
        <Alert type="error" title="L'accompagnement n'a pas pu être enregistré.">
          <p>{formError}</p>
          <p>Vos réponses sont conservées : vous pouvez réessayer.</p>
        </Alert>
      ) : null}
      <form noValidate onSubmit={onSubmit}>
        <TextField
          label="Date"
          name="date"
          type="date"
          max={todayIso()}
          value={values.date}
          onChange={(e) => set("date", e.target.value)}
          error={fieldError("date")}
          short
        />

        <RadioGroup
          legend="Durée"
          name="durationPreset"
          inline
          options={[
            ...DURATION_PRESETS.map((m) => ({ value: String(m), label: formatDuration(m) })),
            { value: CUSTOM, label: "Autre durée" },
          ]}
          value={values.durationPreset}
          onChange={(v) => set("durationPreset", v)}
          error={values.durationPreset === CUSTOM ? null : fieldError("durationMinutes")}
        />
        {values.durationPreset === CUSTOM ? (
          <NumberField
            label="Durée en minutes"
            name="durationMinutes"
            hint="Par exemple 20 pour 20 minutes, 150 pour 2 h 30."
            value={values.durationCustom}
            onChange={(n) => set("durationCustom", n)}
            error={fieldError("durationMinutes")}
          />
        ) : null}

        <RadioGroup
          legend="Lieu de l'accompagnement"
          name="locationType"
          options={locationTypes.items}
          value={values.locationType}
          onChange={(v) => set("locationType", v)}
          error={fieldError("locationType")}
        />
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

        <CheckboxGroup
          legend="Thématiques"
          name="themes"
          hint={recent.length ? "Vos thématiques récentes sont en tête de liste. Cochez-en au moins une." : "Cochez-en au moins une."}
          options={themeOptions}
          value={values.themes}
          onChange={(v) => set("themes", v)}
          error={fieldError("themes")}
        />
        {adminChecked ? (
          <CheckboxGroup
            legend="Démarches administratives concernées"
            name="administrativeThemes"
            optional
            options={administrativeThemes.items}
            value={values.administrativeThemes}
            onChange={(v) => set("administrativeThemes", v)}
            error={fieldError("administrativeThemes")}
          />
        ) : null}

        <CheckboxGroup
          legend="Matériel utilisé"
          name="equipment"
          optional
          options={equipment.items}
          value={values.equipment}
          onChange={(v) => set("equipment", v)}
          error={fieldError("equipment")}
        />

        <RadioGroup
          legend="Autonomie de la personne"
          name="autonomy"
          optional
          options={autonomyLevels.items}
          value={values.autonomy}
          onChange={(v) => set("autonomy", v)}
          error={fieldError("autonomy")}
        />

        <SelectField
          label="Orientation vers une structure"
          name="redirectionStructure"
          optional
          placeholder="Pas d'orientation"
          options={redirectionStructures.items}
          value={values.redirectionStructure}
          onChange={(e) => set("redirectionStructure", e.target.value)}
          error={fieldError("redirectionStructure")}
        />

        <fieldset className="mn-field">
          <legend className="mn-legend">Profil de la personne</legend>
          <p className="mn-hint">Anonyme : laissez « Non communiqué » si vous ne savez pas ou si la personne ne souhaite pas répondre.</p>
          <SelectField
            label="Genre"
            name="gender"
            options={genders.items}
            value={values.gender}
            onChange={(e) => set("gender", e.target.value)}
            error={fieldError("gender")}
          />
          <SelectField
            label="Tranche d'âge"
            name="ageBracket"
            options={ageBrackets.items}
            value={values.ageBracket}
            onChange={(e) => set("ageBracket", e.target.value)}
            error={fieldError("ageBracket")}
          />
          <SelectField
            label="Statut"
            name="socialStatus"
            options={socialStatuses.items}
            value={values.socialStatus}
            onChange={(e) => set("socialStatus", e.target.value)}
            error={fieldError("socialStatus")}
          />
        </fieldset>

        <TextArea
          label="Notes"
          name="notes"
          optional
          hint="Pour vous seulement. N'y mettez ni nom ni information qui permettrait de reconnaître la personne."
          value={values.notes}
          onChange={(e) => set("notes", e.target.value)}
          error={fieldError("notes")}
        />

        <Button type="submit" block loading={saving} loadingLabel="Enregistrement…">
          {mode === "update" ? "Enregistrer les modifications" : "Enregistrer l'accompagnement"}
        </Button>
      </form>
    </>
  );
}
