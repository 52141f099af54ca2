import { useState, type FormEvent } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useLocation } from "wouter";
import {
  administrativeThemes,
  ageBrackets,
  autonomyLevels,
  DURATION_PRESETS,
  equipment,
  formatDuration,
  genders,
  individualRecordInput,
  locationTypes,
  mediationThemes,
  redirectionStructures,
  socialStatuses,
  type IndividualRecordInput,
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
  readApiError,
  toSummary,
  type FieldErrors,
} from "@medianum/ui";
import { useTRPC } from "../trpc.js";
import { QueryState, Title, todayIso, useFlash } from "../common.js";

const ADMIN_THEME = "AideAuxDemarchesAdministratives";
const CUSTOM = "custom";

interface Place {
  id: string;
  name: string;
  communeName: string;
}
interface Defaults {
  usualPlaceId: string | null;
  lastDurationMinutes: number | null;
  recentThemes: string[];
}

export function NewAccompanimentPage() {
  const trpc = useTRPC();
  const places = useQuery(trpc.activity.places.queryOptions());
  const defaults = useQuery(trpc.activity.defaults.queryOptions());
  return (
    <>
      <Title title="Nouvel accompagnement" />
      <h1>Nouvel accompagnement</h1>
      <p>Accompagnement individuel. Les champs sont obligatoires sauf mention « facultatif ».</p>
      <QueryState query={places} loadingLabel="Préparation du formulaire…" errorTitle="La liste des lieux n'a pas pu être chargée.">
        {() =>
          defaults.isPending ? (
            <Spinner label="Préparation du formulaire…" />
          ) : (
            // Without defaults (network hiccup) the form still works with plain defaults.
            <AccompanimentForm
              places={places.data ?? []}
              defaults={defaults.data ?? { usualPlaceId: null, lastDurationMinutes: null, recentThemes: [] }}
            />
          )
        }
      </QueryState>
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

function AccompanimentForm({ places, defaults }: { places: readonly Place[]; defaults: Defaults }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [, navigate] = useLocation();
  const flash = useFlash();
  const [values, setValues] = useState<Values>(() => initialValues(places, defaults));
  // One id per record typed: a retry after a network failure cannot create a duplicate.
  const [recordId] = useState(() => crypto.randomUUID());
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);

  const save = useMutation(
    trpc.activity.createIndividual.mutationOptions({
      onSuccess: () => {
        void queryClient.invalidateQueries({ queryKey: trpc.activity.pathKey() });
        flash.set("Accompagnement enregistré");
        navigate("/accompagnements");
      },
      onError: (error) => {
        const info = readApiError(error);
        setErrors(info.fieldErrors);
        setFormError(Object.keys(info.fieldErrors).length ? null : info.message);
        setAttempt((n) => n + 1);
      },
    }),
  );

  function set<K extends keyof Values>(key: K, value: Values[K]) {
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
    save.mutate(parsed.data satisfies IndividualRecordInput);
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

        <Button type="submit" block loading={save.isPending} loadingLabel="Enregistrement…">
          Enregistrer l'accompagnement
        </Button>
      </form>
    </>
  );
}
