import { useState, type FormEvent } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link, useLocation } from "wouter";
import { placeInput, placeServices, placeTypes, weekdays, type OpeningHours, type PlaceView } from "@medianum/domain";
import {
  Alert,
  Button,
  CheckboxGroup,
  ErrorSummary,
  SelectField,
  TextArea,
  TextField,
  issuesToFieldErrors,
  readApiError,
  toSummary,
  type FieldErrors,
} from "@medianum/ui";
import { useTRPC } from "@medianum/api-client";
import { QueryState, Title } from "../common.js";

type Draft = Record<"name" | "type" | "address" | "postalCode" | "communeInsee" | "phone" | "email" | "website" | "siret" | "accessInfo" | "partnerId" | "latitude" | "longitude", string> & {
  services: string[];
  openingHours: OpeningHours;
};
const EMPTY: Draft = { name: "", type: "", address: "", postalCode: "", communeInsee: "", phone: "", email: "", website: "", siret: "", accessInfo: "", partnerId: "", latitude: "", longitude: "", services: [], openingHours: [] };
const ORDER = ["name", "type", "address", "postalCode", "communeInsee", "siret", "phone", "email", "website", "openingHours", "services", "partnerId", "accessInfo", "latitude", "longitude"];

function fromView(p: PlaceView): Draft {
  return {
    name: p.name,
    type: p.type,
    address: p.address,
    postalCode: p.postalCode,
    communeInsee: p.communeInsee,
    phone: p.phone ?? "",
    email: p.email ?? "",
    website: p.website ?? "",
    siret: p.siret ?? "",
    accessInfo: p.accessInfo ?? "",
    partnerId: p.partnerId ?? "",
    latitude: p.latitude === null ? "" : String(p.latitude),
    longitude: p.longitude === null ? "" : String(p.longitude),
    services: p.services,
    openingHours: p.openingHours,
  };
}

export function PlaceFormPage({ id }: { id?: string }) {
  const trpc = useTRPC();
  const place = useQuery({ ...trpc.places.get.queryOptions({ id: id ?? "" }), enabled: !!id });
  return (
    <>
      <Title title={id ? "Modifier un lieu" : "Nouveau lieu"} />
      <p>
        <Link href="/lieux">← Tous les lieux</Link>
      </p>
      <h1>{id ? (place.data ? place.data.name : "Modifier un lieu") : "Nouveau lieu"}</h1>
      {id ? (
        <QueryState query={place} loadingLabel="Chargement du lieu…" errorTitle="Ce lieu n'a pas pu être affiché.">
          {() => (place.data ? <PlaceForm id={id} initial={fromView(place.data)} /> : null)}
        </QueryState>
      ) : (
        <PlaceForm initial={EMPTY} />
      )}
    </>
  );
}

function PlaceForm({ id, initial }: { id?: string; initial: Draft }) {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const [, navigate] = useLocation();
  const options = useQuery(trpc.territory.options.queryOptions());
  const partners = useQuery(trpc.places.partners.queryOptions());
  const [d, setD] = useState<Draft>(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [attempt, setAttempt] = useState(0);
  const done = async () => {
    await qc.invalidateQueries({ queryKey: trpc.places.pathKey() });
    navigate("/lieux");
  };
  const onError = (e: unknown) => {
    const info = readApiError(e);
    const field = typeof info.data.details === "object" && info.data.details ? (info.data.details as { field?: string }).field : undefined;
    setErrors({ ...info.fieldErrors, ...(field ? { [field]: info.message } : { _form: info.message }) });
    setAttempt((n) => n + 1);
  };
  const create = useMutation(trpc.places.create.mutationOptions({ onSuccess: done, onError }));
  const update = useMutation(trpc.places.update.mutationOptions({ onSuccess: done, onError }));
  const remove = useMutation(trpc.places.delete.mutationOptions({ onSuccess: done }));
  const set = (k: keyof Draft) => (e: { target: { value: string } }) => setD({ ...d, [k]: e.target.value });

  function submit(e: FormEvent) {
    e.preventDefault();
    const num = (s: string) => (s.trim() === "" ? null : Number(s.replace(",", ".")));
    const input = { ...d, partnerId: d.partnerId || null, latitude: num(d.latitude), longitude: num(d.longitude), accessInfo: d.accessInfo || undefined };
    const res = placeInput.safeParse(input);
    if (!res.success) {
      setErrors(issuesToFieldErrors(res.error.issues));
      setAttempt((n) => n + 1);
      return;
    }
    setErrors({});
    if (id) update.mutate({ ...res.data, id });
    else create.mutate(res.data);
  }
  const hoursError = Object.entries(errors).find(([k]) => k.startsWith("openingHours"))?.[1];

  return (
    <form onSubmit={submit} noValidate>
      <ErrorSummary errors={toSummary(errors, ORDER)} focusKey={attempt} />
      {errors._form ? (
        <Alert type="error" title="Le lieu n'a pas été enregistré.">
          <p>{errors._form}</p>
        </Alert>
      ) : null}
      <TextField label="Nom du lieu" name="name" value={d.name} error={errors.name} onChange={set("name")} autoComplete="off" />
      <SelectField label="Type de lieu" name="type" placeholder="Choisir…" options={placeTypes.items} value={d.type} error={errors.type} onChange={set("type")} />
      <TextField label="Adresse" name="address" value={d.address} error={errors.address} onChange={set("address")} hint="Numéro et voie, par exemple 12 rue du Château." />
      <TextField label="Code postal" name="postalCode" short inputMode="numeric" value={d.postalCode} error={errors.postalCode} onChange={set("postalCode")} />
      <SelectField
        label="Commune"
        name="communeInsee"
        placeholder="Choisir…"
        options={(options.data?.communes ?? []).map((c) => ({ value: c.inseeCode, label: c.name }))}
        value={d.communeInsee}
        error={errors.communeInsee}
        onChange={set("communeInsee")}
      />
      <TextField label="SIRET ou RNA de la structure" name="siret" optional value={d.siret} error={errors.siret} onChange={set("siret")} hint="Identifiant exigé par le standard national des lieux." />
      <TextField label="Téléphone" name="phone" type="tel" optional value={d.phone} error={errors.phone} onChange={set("phone")} />
      <TextField label="E-mail" name="email" type="email" optional value={d.email} error={errors.email} onChange={set("email")} />
      <TextField label="Site internet" name="website" type="url" optional value={d.website} error={errors.website} onChange={set("website")} />
      <fieldset className={hoursError ? "mn-field mn-field--error" : "mn-field"} id="openingHours" tabIndex={-1}>
        <legend className="mn-legend">Horaires d'ouverture</legend>
        {hoursError ? <span className="mn-error-message">{hoursError}</span> : null}
        {d.openingHours.map((slot, i) => (
          <div key={i} className="mn-hours-row">
            <SelectField
              label={`Jour (créneau ${i + 1})`}
              name={`hours-${i}-day`}
              options={weekdays.items}
              value={slot.day}
              onChange={(e) => setD({ ...d, openingHours: d.openingHours.map((s, j) => (j === i ? { ...s, day: e.target.value as typeof s.day } : s)) })}
            />
            <TextField label="Ouvre à" name={`hours-${i}-opens`} type="time" value={slot.opens} onChange={(e) => setD({ ...d, openingHours: d.openingHours.map((s, j) => (j === i ? { ...s, opens: e.target.value } : s)) })} />
            <TextField label="Ferme à" name={`hours-${i}-closes`} type="time" value={slot.closes} onChange={(e) => setD({ ...d, openingHours: d.openingHours.map((s, j) => (j === i ? { ...s, closes: e.target.value } : s)) })} />
            <Button variant="secondary" size="small" onClick={() => setD({ ...d, openingHours: d.openingHours.filter((_, j) => j !== i) })}>
              Retirer le créneau {i + 1}
            </Button>
          </div>
        ))}
        <Button variant="secondary" size="small" onClick={() => setD({ ...d, openingHours: [...d.openingHours, { day: "mon", opens: "09:00", closes: "12:00" }] })}>
          Ajouter un créneau
        </Button>
      </fieldset>
      <CheckboxGroup legend="Services proposés" name="services" optional options={placeServices.items} value={d.services} error={errors.services} onChange={(services) => setD({ ...d, services })} />
      <SelectField
        label="Structure partenaire qui gère le lieu"
        name="partnerId"
        optional
        placeholder="Aucune"
        options={(partners.data ?? []).map((p) => ({ value: p.id, label: p.name }))}
        value={d.partnerId}
        error={errors.partnerId}
        onChange={set("partnerId")}
      />
      <TextArea label="Accès (transports, accessibilité, étage…)" name="accessInfo" optional value={d.accessInfo} error={errors.accessInfo} onChange={set("accessInfo")} />
      <TextField label="Latitude" name="latitude" optional short inputMode="decimal" value={d.latitude} error={errors.latitude} onChange={set("latitude")} />
      <TextField label="Longitude" name="longitude" optional short inputMode="decimal" value={d.longitude} error={errors.longitude} onChange={set("longitude")} />
      <div className="mn-actions">
        <Button type="submit" loading={create.isPending || update.isPending} loadingLabel="Enregistrement…">
          {id ? "Enregistrer les modifications" : "Créer le lieu"}
        </Button>
        {id ? (
          <Button variant="danger" loading={remove.isPending} loadingLabel="Suppression…" onClick={() => remove.mutate({ id })}>
            Supprimer ce lieu
          </Button>
        ) : null}
      </div>
      {remove.isError ? (
        <Alert type="error" title="Le lieu n'a pas été supprimé.">
          <p>{readApiError(remove.error).message}</p>
        </Alert>
      ) : null}
    </form>
  );
}
