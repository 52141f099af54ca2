// The collège's form, shared by the request page and the booking of a published slot (both lazy).
import { useState, type FormEvent } from "react";
import { useMutation } from "@tanstack/react-query";
import { Link } from "wouter";
import {
  bookSlotInput,
  classLevels,
  COLLEGE_REQUEST_RETENTION_MONTHS,
  collegeRequestInput,
  instantToParisDay,
  type PublicSlotView,
  collegeTopics,
  MAX_PUPILS_PER_CLASS,
  requesterRoles,
} from "@medianum/domain";
import {
  Alert,
  Button,
  CheckboxField,
  CheckboxGroup,
  ErrorSummary,
  NumberField,
  RadioGroup,
  SelectField,
  TextArea,
  TextField,
  issuesToFieldErrors,
  readApiError,
  toSummary,
  useFocusOnMount,
  type FieldErrors,
} from "@medianum/ui";
import { useTRPC } from "@medianum/api-client";
import { trackingHref } from "./common.js";

interface ClassRow {
  key: number;
  level: string;
  name: string;
  pupils: number | null;
}
interface PeriodRow {
  key: number;
  from: string;
  to: string;
}
interface Values {
  uai: string;
  establishmentName: string;
  address: string;
  communeInsee: string;
  requesterName: string;
  requesterRole: string;
  email: string;
  phone: string;
  classes: ClassRow[];
  topics: string[];
  otherTopic: string;
  periods: PeriodRow[];
  constraints: string;
  consent: boolean;
  website: string;
}

const FIELD_ORDER = [
  "uai",
  "establishmentName",
  "address",
  "communeInsee",
  "requesterName",
  "requesterRole",
  "email",
  "phone",
  "classes",
  "topics",
  "otherTopic",
  "periods",
  "constraints",
  "consent",
  "website",
];

let nextKey = 1;

/** "classes.1.level" → "Classe 2 — ", "periods.0.from" → "Période 1 — ", other fields → "". */
function rowOf(field: string): string {
  const m = /^(classes|periods)\.(\d+)\./.exec(field);
  return m ? `${m[1] === "classes" ? "Classe" : "Période"} ${Number(m[2]) + 1} — ` : "";
}

/** What the request form may start from (a slot that was full: its commune, topics and day). */
export interface RequestPrefill {
  communeInsee?: string | undefined;
  topics?: string[] | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

/** The prefilled request form's address, e.g. from a slot that could not be booked. */
export function requestHref(p: RequestPrefill): string {
  const q = new URLSearchParams();
  if (p.communeInsee) q.set("commune", p.communeInsee);
  if (p.topics?.length) q.set("sujets", p.topics.join(","));
  if (p.from) q.set("du", p.from);
  if (p.to) q.set("au", p.to);
  const s = q.toString();
  return `/colleges/demande${s ? `?${s}` : ""}`;
}

/** The prefill carried by the request form's address (unknown values are left out). */
export function readPrefill(search: string): RequestPrefill {
  const q = new URLSearchParams(search);
  const day = (v: string | null) => (v && /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : undefined);
  const commune = q.get("commune");
  const topics = (q.get("sujets") ?? "").split(",").filter((t) => collegeTopics.has(t));
  return {
    communeInsee: commune && /^(\d{5}|2[AB]\d{3})$/.test(commune) ? commune : undefined,
    topics: topics.length ? topics : undefined,
    from: day(q.get("du")),
    to: day(q.get("au")),
  };
}

export interface FormDone {
  token: string;
  email: string;
  establishmentName: string;
  scheduled: boolean;
}

/**
 * The collège's details: for a request (with its periods) or, given a slot, for booking it at once
 * (no periods: the slot is the date; only the topics it offers).
 */
export function RequestForm({
  communes,
  onDone,
  slot,
  prefill = {},
}: {
  communes: { inseeCode: string; name: string; postalCode: string | null }[];
  onDone: (d: FormDone) => void;
  slot?: PublicSlotView;
  prefill?: RequestPrefill;
}) {
  const trpc = useTRPC();
  const slotDayValue = slot ? instantToParisDay(slot.startsAt) : undefined;
  const [refused, setRefused] = useState<string | null>(null);
  const [values, setValues] = useState<Values>(() => ({
    uai: "",
    establishmentName: "",
    address: "",
    communeInsee: prefill.communeInsee ?? "",
    requesterName: "",
    requesterRole: "",
    email: "",
    phone: "",
    classes: [{ key: nextKey++, level: "", name: "", pupils: null }],
    topics: prefill.topics ?? (slot?.topics.length === 1 ? [...slot.topics] : []),
    otherTopic: "",
    periods: [{ key: nextKey++, from: prefill.from ?? "", to: prefill.to ?? prefill.from ?? "" }],
    constraints: "",
    consent: false,
    website: "",
  }));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);

  const onError = (error: unknown) => {
        const info = readApiError(error);
        setAttempt((n) => n + 1);
        const details = info.data.details as { field?: string; reason?: string } | undefined;
        const field = details?.field;
        if (slot && details?.reason && ["full", "closed", "withdrawn"].includes(details.reason)) {
          // The slot went (another collège took the last place): say so and offer the request form.
          setErrors({});
          setFormError(null);
          setRefused(info.message);
          focusLater("slot-refused");
          return;
        }
        if (Object.keys(info.fieldErrors).length > 0) {
          setErrors(info.fieldErrors);
          setFormError(null);
        } else if (field) {
          setErrors({ [field]: info.message });
          setFormError(null);
        } else {
          setErrors({});
          setFormError(info.message);
        }
  };
  const submit = useMutation(
    trpc.college.submit.mutationOptions({
      onSuccess: (res) => onDone({ token: res.trackingToken, email: res.email, establishmentName: values.establishmentName.trim(), scheduled: false }),
      onError,
    }),
  );
  const book = useMutation(
    trpc.collegeSlot.book.mutationOptions({
      onSuccess: (res) => onDone({ token: res.trackingToken, email: res.email, establishmentName: values.establishmentName.trim(), scheduled: true }),
      onError,
    }),
  );

  function set<K extends keyof Values>(key: K, value: Values[K]) {
    setValues((v) => ({ ...v, [key]: value }));
  }
  function setClass(key: number, patch: Partial<ClassRow>) {
    setValues((v) => ({ ...v, classes: v.classes.map((c) => (c.key === key ? { ...c, ...patch } : c)) }));
  }
  function setPeriod(key: number, patch: Partial<PeriodRow>) {
    setValues((v) => ({ ...v, periods: v.periods.map((p) => (p.key === key ? { ...p, ...patch } : p)) }));
  }
  function focusLater(id: string) {
    setTimeout(() => document.getElementById(id)?.focus(), 0);
  }

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    setFormError(null);
    const common = {
      ...values,
      requesterRole: values.requesterRole || undefined,
      classes: values.classes.map((c) => ({ level: c.level || undefined, name: c.name, pupils: c.pupils ?? undefined })),
      otherTopic: values.topics.includes("other") ? values.otherTopic : undefined,
      phone: values.phone.trim(),
    };
    if (slot) {
      const parsed = bookSlotInput.safeParse({ ...common, periods: undefined, slotId: slot.id });
      if (!parsed.success) {
        setErrors(issuesToFieldErrors(parsed.error.issues));
        setAttempt((n) => n + 1);
        return;
      }
      setErrors({});
      book.mutate(parsed.data);
      return;
    }
    const parsed = collegeRequestInput.safeParse({ ...common, periods: values.periods.map((p) => ({ from: p.from, to: p.to })) });
    if (!parsed.success) {
      setErrors(issuesToFieldErrors(parsed.error.issues));
      setAttempt((n) => n + 1);
      return;
    }
    setErrors({});
    submit.mutate(parsed.data);
  }

  // A row's own messages name their field ("Niveau : …"); the summary, read away from the rows, says which row too.
  const summary = toSummary(errors, FIELD_ORDER).map((e) => ({ ...e, message: `${rowOf(e.field)}${e.message}` }));
  const communeOptions = communes.map((c) => ({ value: c.inseeCode, label: c.postalCode ? `${c.name} (${c.postalCode})` : c.name }));

  const topicOptions = slot ? collegeTopics.items.filter((t) => slot.topics.includes(t.value)) : collegeTopics.items;

  if (refused && slot) {
    return (
      <div id="slot-refused" tabIndex={-1}>
        <Alert type="warning" title="Ce créneau ne peut plus être réservé.">
          <p>{refused}</p>
        </Alert>
        <p>
          <Link
            className="mn-button"
            href={requestHref({ communeInsee: values.communeInsee || undefined, topics: values.topics, from: slotDayValue, to: slotDayValue })}
          >
            Faire une demande de séance
          </Link>{" "}
          <Link href="/colleges/creneaux">Voir les autres créneaux</Link>
        </p>
      </div>
    );
  }

  return (
    <>
      <ErrorSummary errors={summary} focusKey={attempt} />
      {formError ? (
        <Alert type="error" title={slot ? "La réservation n'a pas pu être faite." : "La demande n'a pas pu être envoyée."}>
          <p>{formError}</p>
        </Alert>
      ) : null}
      <form noValidate onSubmit={onSubmit}>
        <h2>L'établissement</h2>
        <TextField
          label="Code UAI"
          name="uai"
          short
          autoComplete="off"
          spellCheck={false}
          hint="7 chiffres et une lettre, par exemple 0470040N. Il figure sur les courriers de l'établissement."
          value={values.uai}
          onChange={(e) => set("uai", e.target.value)}
          error={errors.uai}
        />
        <TextField
          label="Nom du collège"
          name="establishmentName"
          autoComplete="organization"
          value={values.establishmentName}
          onChange={(e) => set("establishmentName", e.target.value)}
          error={errors.establishmentName}
        />
        <TextField
          label="Adresse"
          name="address"
          autoComplete="street-address"
          hint="Numéro et rue, pour que le conseiller trouve l'établissement."
          value={values.address}
          onChange={(e) => set("address", e.target.value)}
          error={errors.address}
        />
        <SelectField
          label="Commune"
          name="communeInsee"
          placeholder="Choisissez la commune"
          options={communeOptions}
          value={values.communeInsee}
          onChange={(e) => set("communeInsee", e.target.value)}
          error={errors.communeInsee}
        />

        <h2>Vous</h2>
        <TextField
          label="Votre nom"
          name="requesterName"
          autoComplete="name"
          value={values.requesterName}
          onChange={(e) => set("requesterName", e.target.value)}
          error={errors.requesterName}
        />
        <RadioGroup
          legend="Votre fonction"
          name="requesterRole"
          options={requesterRoles.items}
          value={values.requesterRole}
          onChange={(v) => set("requesterRole", v)}
          error={errors.requesterRole}
        />
        <TextField
          label="Adresse e-mail"
          name="email"
          type="email"
          autoComplete="email"
          inputMode="email"
          hint="Le lien de suivi et nos réponses y seront envoyés. Exemple : prenom.nom@ac-bordeaux.fr"
          value={values.email}
          onChange={(e) => set("email", e.target.value)}
          error={errors.email}
        />
        <TextField
          label="Téléphone"
          name="phone"
          type="tel"
          autoComplete="tel"
          optional
          hint="Par exemple 05 53 00 00 00."
          value={values.phone}
          onChange={(e) => set("phone", e.target.value)}
          error={errors.phone}
        />

        <h2>Les classes</h2>
        <p>Une ligne par classe : le conseiller adapte la séance au niveau.</p>
        {errors.classes ? (
          <p className="mn-error-message" id="classes" tabIndex={-1}>
            <span className="mn-visually-hidden">Erreur : </span>
            {errors.classes}
          </p>
        ) : null}
        {values.classes.map((c, i) => (
          <fieldset className="mn-field" key={c.key} id={`classes.${i}`} tabIndex={-1}>
            <legend className="mn-legend">Classe {i + 1}</legend>
            <SelectField
              label="Niveau"
              name={`classes.${i}.level`}
              placeholder="Choisissez le niveau"
              options={classLevels.items}
              value={c.level}
              onChange={(e) => setClass(c.key, { level: e.target.value })}
              error={errors[`classes.${i}.level`]}
            />
            <TextField
              label="Nom de la classe"
              name={`classes.${i}.name`}
              optional
              short
              hint="Par exemple 4e B."
              value={c.name}
              onChange={(e) => setClass(c.key, { name: e.target.value })}
              error={errors[`classes.${i}.name`]}
            />
            <NumberField
              label="Nombre d'élèves"
              name={`classes.${i}.pupils`}
              hint={`${MAX_PUPILS_PER_CLASS} au maximum.`}
              value={c.pupils}
              onChange={(n) => setClass(c.key, { pupils: n })}
              error={errors[`classes.${i}.pupils`]}
            />
            {values.classes.length > 1 ? (
              <Button
                variant="secondary"
                size="small"
                onClick={() => {
                  set("classes", values.classes.filter((x) => x.key !== c.key));
                  focusLater("add-class");
                }}
              >
                Retirer la classe {i + 1}
              </Button>
            ) : null}
          </fieldset>
        ))}
        <p>
          <Button
            id="add-class"
            variant="secondary"
            onClick={() => {
              set("classes", [...values.classes, { key: nextKey++, level: "", name: "", pupils: null }]);
              focusLater(`classes.${values.classes.length}.level`);
            }}
          >
            Ajouter une classe
          </Button>
        </p>

        <h2>Les sujets</h2>
        <CheckboxGroup
          legend="Sujets souhaités"
          name="topics"
          hint={slot ? "Les sujets proposés sur ce créneau ; cochez-en un ou plusieurs." : "Cochez un ou plusieurs sujets."}
          options={topicOptions}
          value={values.topics}
          onChange={(v) => set("topics", v)}
          error={errors.topics}
        />
        {values.topics.includes("other") ? (
          <TextField
            label="Précisez l'autre sujet"
            name="otherTopic"
            value={values.otherTopic}
            onChange={(e) => set("otherTopic", e.target.value)}
            error={errors.otherTopic}
          />
        ) : null}

        {slot ? null : (
          <>
        <h2>Quand ?</h2>
        <p>Indiquez une ou plusieurs périodes qui vous conviennent (une semaine, quelques jours ou un seul jour).</p>
        {errors.periods ? (
          <p className="mn-error-message" id="periods" tabIndex={-1}>
            <span className="mn-visually-hidden">Erreur : </span>
            {errors.periods}
          </p>
        ) : null}
        {values.periods.map((p, i) => (
          <fieldset className="mn-field" key={p.key} id={`periods.${i}`} tabIndex={-1}>
            <legend className="mn-legend">Période {i + 1}</legend>
            <TextField
              label="Du"
              name={`periods.${i}.from`}
              type="date"
              short
              value={p.from}
              onChange={(e) => setPeriod(p.key, { from: e.target.value })}
              // A single day is common: once the start is typed, the end starts from it (not while typing, when the year is still partial).
              onBlur={() => {
                if (p.from && !p.to) setPeriod(p.key, { to: p.from });
              }}
              error={errors[`periods.${i}.from`]}
            />
            <TextField
              label="Au"
              name={`periods.${i}.to`}
              type="date"
              short
              hint="Le même jour pour une seule date."
              value={p.to}
              onChange={(e) => setPeriod(p.key, { to: e.target.value })}
              error={errors[`periods.${i}.to`]}
            />
            {values.periods.length > 1 ? (
              <Button
                variant="secondary"
                size="small"
                onClick={() => {
                  set("periods", values.periods.filter((x) => x.key !== p.key));
                  focusLater("add-period");
                }}
              >
                Retirer la période {i + 1}
              </Button>
            ) : null}
          </fieldset>
        ))}
        <p>
          <Button
            id="add-period"
            variant="secondary"
            onClick={() => {
              set("periods", [...values.periods, { key: nextKey++, from: "", to: "" }]);
              focusLater(`periods.${values.periods.length}.from`);
            }}
          >
            Ajouter une période
          </Button>
        </p>
          </>
        )}
        <TextArea
          label="Contraintes"
          name="constraints"
          optional
          hint="Salles, matériel disponible (vidéoprojecteur, salle informatique), horaires à éviter…"
          value={values.constraints}
          onChange={(e) => set("constraints", e.target.value)}
          error={errors.constraints}
        />
        <CheckboxField
          name="consent"
          label={`J'accepte que le Département utilise ces informations pour traiter la ${slot ? "réservation" : "demande"} et me contacter à son sujet.`}
          hint={`Elles ne sont transmises qu'aux conseillers qui interviennent ; vos coordonnées sont effacées ${COLLEGE_REQUEST_RETENTION_MONTHS} mois après la fin de la demande.`}
          checked={values.consent}
          onChange={(e) => set("consent", e.target.checked)}
          error={errors.consent}
        />
        {/* Honeypot: invisible to people and to assistive technologies, filled in by spam bots. */}
        <div className="mn-visually-hidden" aria-hidden="true">
          <label htmlFor="website">Ne pas remplir ce champ</label>
          <input id="website" name="website" type="text" tabIndex={-1} autoComplete="off" value={values.website} onChange={(e) => set("website", e.target.value)} />
        </div>
        <div className="mn-actions">
          {slot ? (
            <Button id="send-request" type="submit" loading={book.isPending} loadingLabel="Réservation…">
              Réserver le créneau
            </Button>
          ) : (
            <Button id="send-request" type="submit" loading={submit.isPending} loadingLabel="Envoi de la demande…">
              Envoyer la demande
            </Button>
          )}
        </div>
      </form>
    </>
  );
}

export function Acknowledgement({ token, email, establishmentName, scheduled }: FormDone) {
  const headingRef = useFocusOnMount<HTMLHeadingElement>();
  const href = trackingHref(token);
  return (
    <>
      <h1 tabIndex={-1} ref={headingRef}>
        {scheduled ? "Créneau réservé" : "Demande envoyée"}
      </h1>
      <Alert type="success" role="none">
        <p>
          Merci ! {scheduled ? "La réservation" : "La demande"} du {establishmentName} est enregistrée. Statut : <strong>{scheduled ? "Programmée" : "Reçue"}</strong>.
        </p>
      </Alert>
      <p>
        Un e-mail de confirmation part vers {email}, avec le lien de suivi{scheduled ? " ; le rendez-vous pour votre agenda suit dans un second e-mail" : ""}.
      </p>
      <h2>Votre lien de suivi</h2>
      <p>
        Gardez ce lien : il permet de voir où en est la demande, la date et le lieu des séances, de nous écrire ou d'annuler.
        Il est personnel : ne le transmettez qu'à vos collègues concernés.
      </p>
      <p>
        <Link href={`/colleges/suivi/${token}`} className="mn-button">
          Suivre ma demande
        </Link>
      </p>
      <p>
        Adresse du lien : <code style={{ overflowWrap: "anywhere" }}>{href}</code>
      </p>
    </>
  );
}
