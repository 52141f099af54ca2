import { useState, type FormEvent } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link } from "wouter";
import {
  collegeRequestStatuses,
  collegeTopics,
  formatDateTime,
  formatDuration,
  publishSlotsInput,
  slotWeekdays,
  type CollegeRequestStatus,
  type PublishSlotsResult,
} from "@medianum/domain";
import {
  Alert,
  Badge,
  Button,
  CheckboxGroup,
  DataTable,
  ErrorSummary,
  NumberField,
  RadioGroup,
  SelectField,
  TextField,
  issuesToFieldErrors,
  readApiError,
  toSummary,
  type FieldErrors,
} from "@medianum/ui";
import { useTRPC } from "@medianum/api-client";
import { CounsellorBusyAlert } from "../college/CounsellorBusyAlert.js";
import { QueryState, Title } from "../common.js";

const FIELD_ORDER = ["from", "to", "weekdays", "times", "durationMinutes", "topics", "counsellorIds", "capacityClasses", "area", "communeInsees", "epciCodes", "deadlineDays"];
type Conflicts = Extract<PublishSlotsResult, { outcome: "conflicts" }>;

/**
 * Published slots for collèges: publish a month of dates in one go (days of the week × start
 * times), checked against the counsellors' agendas like scheduling; then the slots with their
 * bookings, and withdrawing one.
 */
export function CollegeSlotsPage() {
  return (
    <>
      <Title title="Créneaux pour les collèges" />
      <p>
        <Link href="/demandes">← Demandes des collèges</Link>
      </p>
      <h1>Créneaux pour les collèges</h1>
      <p>
        Les collèges réservent ces créneaux directement sur le portail, sans attendre. Un collège qui ne trouve pas de date qui lui convient fait une demande de séance.
      </p>
      <PublishForm />
      <SlotsList />
    </>
  );
}

function PublishForm() {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const counsellors = useQuery(trpc.college.counsellors.queryOptions());
  const territory = useQuery(trpc.territory.options.queryOptions());
  const [v, setV] = useState({
    from: "",
    to: "",
    weekdays: [] as string[],
    times: "09:00",
    durationMinutes: 55 as number | null,
    topics: [] as string[],
    counsellorIds: [] as string[],
    capacityClasses: 2 as number | null,
    area: "departement",
    epciCodes: [] as string[],
    communeInsees: [] as string[],
    communeToAdd: "",
    deadlineDays: null as number | null,
  });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [conflicts, setConflicts] = useState<Conflicts | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const set = <K extends keyof typeof v>(k: K, value: (typeof v)[K]) => {
    setV((x) => ({ ...x, [k]: value }));
    setConflicts(null);
  };

  const publish = useMutation(
    trpc.collegeSlot.publish.mutationOptions({
      onSuccess: (res) => {
        if (res.outcome === "conflicts") {
          setConflicts(res);
          setTimeout(() => document.getElementById("slot-conflicts")?.focus(), 0);
          return;
        }
        setConflicts(null);
        setDone(`${res.count} créneau${res.count > 1 ? "x" : ""} publié${res.count > 1 ? "s" : ""} : les collèges peuvent les réserver sur le portail.`);
        setTimeout(() => document.getElementById("slot-done")?.focus(), 0);
        void qc.invalidateQueries({ queryKey: trpc.collegeSlot.pathKey() });
      },
      onError: (error) => {
        const info = readApiError(error);
        setAttempt((n) => n + 1);
        const field = (info.data.details as { field?: string } | undefined)?.field;
        if (Object.keys(info.fieldErrors).length) setErrors(info.fieldErrors);
        else if (field) setErrors({ [field]: info.message });
        else setFormError(info.message);
      },
    }),
  );

  function submit(confirmConflicts: boolean) {
    setFormError(null);
    setDone(null);
    const parsed = publishSlotsInput.safeParse({
      from: v.from,
      to: v.to,
      weekdays: v.weekdays,
      times: v.times
        .split(/[\s,;]+/)
        .map((t) => t.trim().replace(/^(\d):/, "0$1:").replace("h", ":"))
        .filter(Boolean),
      durationMinutes: v.durationMinutes ?? undefined,
      topics: v.topics,
      counsellorIds: v.counsellorIds,
      capacityClasses: v.capacityClasses ?? undefined,
      communeInsees: v.area === "communes" ? v.communeInsees : [],
      epciCodes: v.area === "epcis" ? v.epciCodes : [],
      ...(v.deadlineDays !== null ? { deadlineDays: v.deadlineDays } : {}),
      confirmConflicts,
    });
    if (!parsed.success) {
      const raw = issuesToFieldErrors(parsed.error.issues);
      const mapped: FieldErrors = {};
      for (const [k, m] of Object.entries(raw)) mapped[k.replace(/\.\d+$/, "")] = m;
      setErrors(mapped);
      setAttempt((n) => n + 1);
      return;
    }
    if (v.area === "communes" && v.communeInsees.length === 0) {
      setErrors({ communeInsees: "Communes : ajoutez au moins une commune, ou choisissez « Tout le département »." });
      setAttempt((n) => n + 1);
      return;
    }
    if (v.area === "epcis" && v.epciCodes.length === 0) {
      setErrors({ epciCodes: "Intercommunalités : cochez au moins une intercommunalité, ou choisissez « Tout le département »." });
      setAttempt((n) => n + 1);
      return;
    }
    setErrors({});
    publish.mutate(parsed.data);
  }

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    setConflicts(null);
    submit(false);
  }

  const communeName = new Map((territory.data?.communes ?? []).map((c) => [c.inseeCode, c.name]));

  return (
    <section aria-labelledby="publier">
      <h2 id="publier">Publier des créneaux</h2>
      <p>Par exemple : tous les mardis et jeudis matin de janvier, avec deux conseillers. Un créneau est créé pour chaque jour coché et chaque heure.</p>
      {done ? (
        <div id="slot-done" tabIndex={-1}>
          <Alert type="success">
            <p>{done}</p>
          </Alert>
        </div>
      ) : null}
      <ErrorSummary errors={toSummary(errors, FIELD_ORDER)} focusKey={attempt} />
      {formError ? (
        <Alert type="error" title="Les créneaux n'ont pas pu être publiés.">
          <p>{formError}</p>
        </Alert>
      ) : null}
      <form noValidate onSubmit={onSubmit} aria-label="Publier des créneaux">
        <TextField label="Du" name="from" type="date" short value={v.from} onChange={(e) => set("from", e.target.value)} error={errors.from} />
        <TextField label="Au" name="to" type="date" short value={v.to} onChange={(e) => set("to", e.target.value)} error={errors.to} />
        <CheckboxGroup
          legend="Jours"
          name="weekdays"
          inline
          options={slotWeekdays.items.map((d) => ({ value: d.value, label: d.label }))}
          value={v.weekdays}
          onChange={(x) => set("weekdays", x)}
          error={errors.weekdays}
        />
        <TextField
          label="Heures de début"
          name="times"
          hint="Une ou plusieurs heures séparées par des virgules, par exemple : 09:00, 10:00"
          value={v.times}
          onChange={(e) => set("times", e.target.value)}
          error={errors.times}
        />
        <NumberField label="Durée en minutes" name="durationMinutes" hint="Une heure de cours : 55 minutes." value={v.durationMinutes} onChange={(n) => set("durationMinutes", n)} error={errors.durationMinutes} />
        <CheckboxGroup
          legend="Sujets proposés"
          name="topics"
          options={collegeTopics.items.map((t) => ({ value: t.value, label: t.label }))}
          value={v.topics}
          onChange={(x) => set("topics", x)}
          error={errors.topics}
        />
        <CheckboxGroup
          legend="Conseillers numériques"
          name="counsellorIds"
          options={(counsellors.data ?? []).map((c) => ({ value: c.id, label: c.displayName }))}
          value={v.counsellorIds}
          onChange={(x) => set("counsellorIds", x)}
          error={errors.counsellorIds ?? (counsellors.isError ? "La liste des conseillers n'a pas pu être chargée." : undefined)}
        />
        <NumberField
          label="Classes accueillies par créneau"
          name="capacityClasses"
          hint="Toutes réservations confondues."
          value={v.capacityClasses}
          onChange={(n) => set("capacityClasses", n)}
          error={errors.capacityClasses}
        />
        <RadioGroup
          legend="Collèges concernés"
          name="area"
          options={[
            { value: "departement", label: "Tout le département" },
            { value: "epcis", label: "Des intercommunalités" },
            { value: "communes", label: "Des communes" },
          ]}
          value={v.area}
          onChange={(x) => set("area", x)}
        />
        {v.area === "epcis" ? (
          <CheckboxGroup
            legend="Intercommunalités"
            name="epciCodes"
            options={(territory.data?.epcis ?? []).map((e) => ({ value: e.code, label: e.name }))}
            value={v.epciCodes}
            onChange={(x) => set("epciCodes", x)}
            error={errors.epciCodes}
          />
        ) : null}
        {v.area === "communes" ? (
          <div>
            <SelectField
              label="Commune à ajouter"
              name="communeInsees"
              placeholder="Choisissez une commune"
              options={(territory.data?.communes ?? []).map((c) => ({ value: c.inseeCode, label: c.name }))}
              value={v.communeToAdd}
              onChange={(e) => set("communeToAdd", e.target.value)}
              error={errors.communeInsees}
            />
            <Button
              variant="secondary"
              size="small"
              onClick={() => {
                if (v.communeToAdd && !v.communeInsees.includes(v.communeToAdd)) set("communeInsees", [...v.communeInsees, v.communeToAdd]);
              }}
            >
              Ajouter la commune
            </Button>
            {v.communeInsees.length > 0 ? (
              <ul aria-label="Communes choisies">
                {v.communeInsees.map((c) => (
                  <li key={c}>
                    {communeName.get(c) ?? c}{" "}
                    <Button variant="secondary" size="small" onClick={() => set("communeInsees", v.communeInsees.filter((x) => x !== c))}>
                      Retirer<span className="mn-visually-hidden"> {communeName.get(c) ?? c}</span>
                    </Button>
                  </li>
                ))}
              </ul>
            ) : null}
          </div>
        ) : null}
        <NumberField
          label="Réservation close combien de jours avant"
          name="deadlineDays"
          optional
          hint="Par exemple 2 : un créneau du jeudi se réserve jusqu'au lundi soir. Vide : jusqu'à l'heure du créneau."
          value={v.deadlineDays}
          onChange={(n) => set("deadlineDays", n)}
          error={errors.deadlineDays}
        />
        {conflicts ? (
          <div id="slot-conflicts" tabIndex={-1}>
            <CounsellorBusyAlert
              lines={conflicts.conflicts.map((c, i) => {
                const s = conflicts.slots[c.slotIndex];
                return { ...c, key: i, planned: s ? `Créneau du ${s.day} à ${s.time}` : undefined };
              })}
              advice="Vous pouvez changer les dates ou les conseillers, ou publier quand même."
            />
            <div className="mn-actions">
              <Button onClick={() => submit(true)} loading={publish.isPending} loadingLabel="Publication…">
                Publier quand même
              </Button>
            </div>
          </div>
        ) : (
          <div className="mn-actions">
            <Button type="submit" loading={publish.isPending} loadingLabel="Vérification des agendas…">
              Publier les créneaux
            </Button>
          </div>
        )}
      </form>
    </section>
  );
}

function SlotsList() {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const slots = useQuery(trpc.collegeSlot.list.queryOptions({}));
  const [message, setMessage] = useState<{ type: "success" | "error"; text: string } | null>(null);
  const withdraw = useMutation(
    trpc.collegeSlot.withdraw.mutationOptions({
      onSuccess: (res) => {
        setMessage({
          type: "success",
          text: res.cancelledSessions > 0 ? `Créneau retiré ; ${res.cancelledSessions} réservation(s) annulée(s), les collèges sont prévenus.` : "Créneau retiré du portail.",
        });
        void qc.invalidateQueries({ queryKey: trpc.collegeSlot.pathKey() });
        void qc.invalidateQueries({ queryKey: trpc.college.pathKey() });
      },
      onError: (e) => setMessage({ type: "error", text: readApiError(e).message }),
    }),
  );
  return (
    <section aria-labelledby="publies">
      <h2 id="publies">Créneaux publiés</h2>
      {message ? (
        <Alert type={message.type} role="status">
          <p>{message.text}</p>
        </Alert>
      ) : null}
      <QueryState query={slots} loadingLabel="Chargement des créneaux…" errorTitle="Les créneaux n'ont pas pu être chargés.">
        {() => {
          const rows = slots.data ?? [];
          return rows.length === 0 ? (
            <p>Aucun créneau publié à venir.</p>
          ) : (
            <DataTable
              caption="Créneaux publiés, du plus proche au plus lointain"
              rows={rows}
              rowKey={(r) => r.id}
              columns={[
                {
                  key: "when",
                  header: "Date",
                  rowHeader: true,
                  render: (r) => (
                    <>
                      {formatDateTime(r.startsAt)} ({formatDuration(r.durationMinutes)})
                    </>
                  ),
                },
                { key: "area", header: "Collèges concernés", render: (r) => r.area },
                { key: "counsellors", header: "Conseillers", render: (r) => r.counsellors.join(", ") },
                { key: "topics", header: "Sujets", secondary: true, render: (r) => r.topics.map((t) => collegeTopics.label(t)).join(", ") },
                {
                  key: "fill",
                  header: "Classes",
                  render: (r) => (
                    <>
                      {r.capacityClasses - r.classesLeft} / {r.capacityClasses}{" "}
                      {r.status === "withdrawn" ? <Badge tone="neutral">Retiré</Badge> : r.classesLeft === 0 ? <Badge tone="success">Complet</Badge> : null}
                    </>
                  ),
                },
                {
                  key: "bookings",
                  header: "Réservé par",
                  render: (r) =>
                    r.bookings.length === 0 ? (
                      "—"
                    ) : (
                      <ul>
                        {r.bookings.map((b) => (
                          <li key={b.requestId}>
                            <Link href={`/demandes/${b.requestId}`}>{b.establishmentName}</Link> ({b.communeName}), {b.classes} classe{b.classes > 1 ? "s" : ""} —{" "}
                            {collegeRequestStatuses.label(b.status as CollegeRequestStatus)}
                          </li>
                        ))}
                      </ul>
                    ),
                },
                {
                  key: "actions",
                  header: "Actions",
                  render: (r) =>
                    r.status === "open" && r.startsAt.getTime() > Date.now() ? (
                      <Button
                        variant="secondary"
                        size="small"
                        loading={withdraw.isPending && withdraw.variables?.slotId === r.id}
                        loadingLabel="Retrait…"
                        onClick={() => {
                          const ok =
                            r.bookings.length === 0 ||
                            window.confirm(`Retirer ce créneau annule ses ${r.bookings.length} réservation(s) et prévient les collèges. Continuer ?`);
                          if (ok) withdraw.mutate({ slotId: r.id });
                        }}
                      >
                        Retirer<span className="mn-visually-hidden"> le créneau du {formatDateTime(r.startsAt)}</span>
                      </Button>
                    ) : null,
                },
              ]}
            />
          );
        }}
      </QueryState>
    </section>
  );
}
