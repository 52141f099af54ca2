import { useState, type FormEvent } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link, useLocation, useSearch } from "wouter";
import { instantToParisDayTime, sessionInput } from "@medianum/domain";
import {
  Alert,
  Button,
  CheckboxGroup,
  ErrorSummary,
  NumberField,
  SelectField,
  Spinner,
  TextArea,
  TextField,
  issuesToFieldErrors,
  readApiError,
  toSummary,
  type FieldErrors,
} from "@medianum/ui";
import { useTRPC } from "@medianum/api-client";
import { Title } from "../common.js";

const ORDER = ["workshopId", "day", "time", "durationMinutes", "placeId", "capacity", "counsellorIds", "accessInfo"];

/** Create a session (/seances/nouvelle?atelier=…) or edit one (/seances/:id/modifier). */
export function SessionFormPage({ id }: { id?: string }) {
  const trpc = useTRPC();
  const existing = useQuery({ ...trpc.workshop.session.queryOptions({ id: id ?? "" }), enabled: !!id });
  const choices = useQuery(trpc.workshop.sessionChoices.queryOptions());
  const workshops = useQuery(trpc.workshop.workshops.queryOptions());
  const title = id ? "Modifier la séance" : "Nouvelle séance";
  if ((id && existing.isPending) || choices.isPending || workshops.isPending) {
    return (
      <>
        <Title title={title} />
        <h1>{title}</h1>
        <Spinner />
      </>
    );
  }
  const error = existing.error ?? choices.error ?? workshops.error;
  if (error) {
    return (
      <>
        <Title title={title} />
        <h1>{title}</h1>
        <Alert type="error" title="Le formulaire n'a pas pu être chargé.">
          <p>{readApiError(error).message}</p>
        </Alert>
      </>
    );
  }
  return <Form id={id} existing={existing.data ?? null} places={choices.data!.places} counsellors={choices.data!.counsellors} workshops={workshops.data!} />;
}

function Form({
  id,
  existing,
  places,
  counsellors,
  workshops,
}: {
  id?: string;
  existing: { workshopId: string; startsAt: Date; durationMinutes: number; placeId: string; capacity: number; accessInfo: string | null; counsellorIds: string[] } | null;
  places: Array<{ id: string; name: string; communeName: string }>;
  counsellors: Array<{ id: string; displayName: string }>;
  workshops: Array<{ id: string; title: string }>;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [, navigate] = useLocation();
  const search = new URLSearchParams(useSearch());
  const [v, setV] = useState({
    workshopId: existing?.workshopId ?? search.get("atelier") ?? "",
    // Day and time in Paris, whatever the browser's zone; the server turns them into an instant.
    ...(existing ? instantToParisDayTime(existing.startsAt) : { day: "", time: "" }),
    durationMinutes: existing?.durationMinutes ?? 90,
    placeId: existing?.placeId ?? "",
    capacity: existing?.capacity ?? 12,
    counsellorIds: existing?.counsellorIds ?? [],
    accessInfo: existing?.accessInfo ?? "",
  });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const onError = (e: unknown) => {
    const info = readApiError(e);
    const field = typeof (info.data.details as { field?: unknown } | undefined)?.field === "string" ? (info.data.details as { field: string }).field : null;
    if (Object.keys(info.fieldErrors).length) setErrors(info.fieldErrors);
    else if (field) setErrors({ [field]: info.message });
    else setFormError(info.message);
    setAttempt((n) => n + 1);
  };
  const done = (sessionId: string) => {
    void queryClient.invalidateQueries({ queryKey: trpc.workshop.pathKey() });
    navigate(`/seances/${sessionId}`);
  };
  const create = useMutation(trpc.workshop.createSession.mutationOptions({ onSuccess: (r) => done(r.id), onError }));
  const update = useMutation(trpc.workshop.updateSession.mutationOptions({ onSuccess: (r) => done(r.id), onError }));

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    setFormError(null);
    const parsed = sessionInput.safeParse({ ...v, durationMinutes: v.durationMinutes ?? undefined, capacity: v.capacity ?? undefined });
    if (!parsed.success) {
      setErrors(issuesToFieldErrors(parsed.error.issues));
      setAttempt((n) => n + 1);
      return;
    }
    setErrors({});
    if (id) {
      const { workshopId: _w, ...rest } = parsed.data;
      void _w;
      update.mutate({ ...rest, id });
    } else create.mutate(parsed.data);
  }

  const title = id ? "Modifier la séance" : "Nouvelle séance";
  return (
    <>
      <Title title={title} />
      <p>
        <Link href={id ? `/seances/${id}` : "/seances"}>← Retour</Link>
      </p>
      <h1>{title}</h1>
      {id ? <p>Si la date, l'heure ou le lieu changent, chaque inscrit reçoit un e-mail avec le rendez-vous mis à jour.</p> : null}
      <ErrorSummary errors={toSummary(errors, ORDER)} focusKey={attempt} />
      {formError ? (
        <Alert type="error" title="La séance n'a pas pu être enregistrée.">
          <p>{formError}</p>
        </Alert>
      ) : null}
      <form noValidate onSubmit={onSubmit}>
        {id ? null : (
          <SelectField
            label="Atelier"
            name="workshopId"
            placeholder="Choisissez un atelier"
            options={workshops.map((w) => ({ value: w.id, label: w.title }))}
            value={v.workshopId}
            onChange={(e) => setV({ ...v, workshopId: e.target.value })}
            error={errors.workshopId}
          />
        )}
        <TextField label="Date" name="day" type="date" short value={v.day} onChange={(e) => setV({ ...v, day: e.target.value })} error={errors.day} />
        <TextField label="Heure de début (heure de Paris)" name="time" type="time" short value={v.time} onChange={(e) => setV({ ...v, time: e.target.value })} error={errors.time} />
        <NumberField label="Durée (minutes)" name="durationMinutes" value={v.durationMinutes} onChange={(n) => setV({ ...v, durationMinutes: n ?? 0 })} error={errors.durationMinutes} />
        <SelectField
          label="Lieu"
          name="placeId"
          placeholder="Choisissez un lieu"
          options={places.map((p) => ({ value: p.id, label: `${p.name} — ${p.communeName}` }))}
          value={v.placeId}
          onChange={(e) => setV({ ...v, placeId: e.target.value })}
          error={errors.placeId}
        />
        <NumberField
          label="Nombre de places"
          name="capacity"
          hint="Ne peut pas descendre sous le nombre de places déjà prises ; l'augmenter confirme la liste d'attente."
          value={v.capacity}
          onChange={(n) => setV({ ...v, capacity: n ?? 0 })}
          error={errors.capacity}
        />
        <CheckboxGroup
          legend="Conseillers qui animent"
          name="counsellorIds"
          optional
          options={counsellors.map((c) => ({ value: c.id, label: c.displayName }))}
          value={v.counsellorIds}
          onChange={(ids) => setV({ ...v, counsellorIds: ids })}
          error={errors.counsellorIds}
        />
        <TextArea label="Accès (étage, stationnement, accessibilité)" name="accessInfo" optional rows={2} value={v.accessInfo} onChange={(e) => setV({ ...v, accessInfo: e.target.value })} error={errors.accessInfo} />
        <div className="mn-actions">
          <Button type="submit" loading={create.isPending || update.isPending} loadingLabel="Enregistrement…">
            Enregistrer la séance
          </Button>
        </div>
      </form>
    </>
  );
}
