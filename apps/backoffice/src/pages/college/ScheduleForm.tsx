import { useState, type FormEvent } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  classLevels,
  COLLEGE_SESSION_MAX_MINUTES,
  formatDay,
  formatDuration,
  scheduleSessionsInput,
  type CounsellorConflict,
  type PeriodWarning,
} from "@medianum/domain";
import {
  Alert,
  Button,
  CheckboxGroup,
  ErrorSummary,
  NumberField,
  TextArea,
  TextField,
  issuesToFieldErrors,
  readApiError,
  toSummary,
  type FieldErrors,
} from "@medianum/ui";
import { useTRPC } from "@medianum/api-client";
import { CounsellorBusyAlert } from "./CounsellorBusyAlert.js";

interface ClassItem {
  id: string;
  level: "6e" | "5e" | "4e" | "3e";
  name: string | null;
  pupils: number;
}

const FIELD_ORDER = ["classIds", "day", "time", "durationMinutes", "room", "counsellorIds", "message"];

/**
 * One session at a time: the classes ticked (one class, or several grouped), date, time, room and
 * counsellors. A counsellor already busy then, or a day outside the periods the collège asked
 * for, is reported before anything is saved; the coordinator may confirm anyway.
 */
export function ScheduleForm({ requestId, classes, plannedClassIds }: { requestId: string; classes: ClassItem[]; plannedClassIds: Set<string> }) {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const counsellors = useQuery(trpc.college.counsellors.queryOptions());
  const [v, setV] = useState(() => ({
    classIds: classes.filter((c) => !plannedClassIds.has(c.id)).map((c) => c.id),
    day: "",
    time: "09:00",
    durationMinutes: 55 as number | null,
    room: "",
    counsellorIds: [] as string[],
    message: "",
  }));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [conflicts, setConflicts] = useState<{
    counsellors: CounsellorConflict[];
    outsidePeriods: PeriodWarning[];
    requestedPeriods: Array<{ from: string; to: string }>;
  } | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);

  const schedule = useMutation(
    trpc.college.schedule.mutationOptions({
      onSuccess: (res) => {
        if (res.outcome === "conflicts") {
          setConflicts({ counsellors: res.conflicts, outsidePeriods: res.outsidePeriods, requestedPeriods: res.requestedPeriods });
          setTimeout(() => document.getElementById("conflicts")?.focus(), 0);
          return;
        }
        setConflicts(null);
        setDone("Séance programmée : le collège est prévenu par e-mail.");
        setV((x) => ({ ...x, classIds: [], day: "", room: "", message: "" }));
        void qc.invalidateQueries({ queryKey: trpc.college.pathKey() });
      },
      onError: (error) => {
        const info = readApiError(error);
        setAttempt((n) => n + 1);
        const mapped: FieldErrors = {};
        for (const [k, m] of Object.entries(info.fieldErrors)) mapped[k.replace(/^sessions\.0\./, "")] = m;
        const field = (info.data.details as { field?: string } | undefined)?.field;
        if (Object.keys(mapped).length) setErrors(mapped);
        else if (field) setErrors({ [field]: info.message });
        else setFormError(info.message);
      },
    }),
  );

  function submit(confirmConflicts: boolean) {
    setFormError(null);
    setDone(null);
    const parsed = scheduleSessionsInput.safeParse({
      requestId,
      sessions: [{ classIds: v.classIds, day: v.day, time: v.time, durationMinutes: v.durationMinutes ?? undefined, room: v.room, counsellorIds: v.counsellorIds }],
      message: v.message,
      confirmConflicts,
    });
    if (!parsed.success) {
      const raw = issuesToFieldErrors(parsed.error.issues);
      const mapped: FieldErrors = {};
      for (const [k, m] of Object.entries(raw)) mapped[k.replace(/^sessions\.0\./, "")] = m;
      setErrors(mapped);
      setAttempt((n) => n + 1);
      return;
    }
    setErrors({});
    schedule.mutate(parsed.data);
  }

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    setConflicts(null);
    submit(false);
  }

  const classOptions = classes.map((c) => ({
    value: c.id,
    label: `${c.name ?? classLevels.label(c.level)} (${c.pupils} élèves)`,
    ...(plannedClassIds.has(c.id) ? { hint: "Déjà dans une séance programmée." } : {}),
  }));
  const set = <K extends keyof typeof v>(k: K, value: (typeof v)[K]) => {
    setV((x) => ({ ...x, [k]: value }));
    setConflicts(null);
  };

  return (
    <section aria-labelledby="programmer">
      <h2 id="programmer">Programmer une séance</h2>
      <p>Une séance par classe, ou plusieurs classes ensemble : cochez les classes concernées.</p>
      {done ? (
        <Alert type="success">
          <p>{done}</p>
        </Alert>
      ) : null}
      <ErrorSummary errors={toSummary(errors, FIELD_ORDER)} focusKey={attempt} />
      {formError ? (
        <Alert type="error" title="La séance n'a pas pu être programmée.">
          <p>{formError}</p>
        </Alert>
      ) : null}
      <form noValidate onSubmit={onSubmit}>
        <CheckboxGroup legend="Classes" name="classIds" options={classOptions} value={v.classIds} onChange={(x) => set("classIds", x)} error={errors.classIds} />
        <TextField label="Date" name="day" type="date" short value={v.day} onChange={(e) => set("day", e.target.value)} error={errors.day} />
        <TextField label="Heure de début" name="time" type="time" short value={v.time} onChange={(e) => set("time", e.target.value)} error={errors.time} />
        <NumberField
          label="Durée en minutes"
          name="durationMinutes"
          hint={`Une heure de cours : 55 minutes. ${formatDuration(COLLEGE_SESSION_MAX_MINUTES)} au plus.`}
          value={v.durationMinutes}
          onChange={(n) => set("durationMinutes", n)}
          error={errors.durationMinutes}
        />
        <TextField label="Salle" name="room" optional hint="Par exemple : CDI, salle informatique." value={v.room} onChange={(e) => set("room", e.target.value)} error={errors.room} />
        <CheckboxGroup
          legend="Conseillers numériques"
          name="counsellorIds"
          options={(counsellors.data ?? []).map((c) => ({ value: c.id, label: c.displayName }))}
          value={v.counsellorIds}
          onChange={(x) => set("counsellorIds", x)}
          error={errors.counsellorIds ?? (counsellors.isError ? "La liste des conseillers n'a pas pu être chargée." : undefined)}
        />
        <TextArea
          label="Message au collège"
          name="message"
          optional
          hint="Ajouté à l'e-mail qui annonce la séance."
          value={v.message}
          onChange={(e) => set("message", e.target.value)}
          error={errors.message}
        />
        {conflicts ? (
          <div id="conflicts" tabIndex={-1}>
            {conflicts.counsellors.length > 0 ? (
              <CounsellorBusyAlert
                lines={conflicts.counsellors.map((c, i) => ({ ...c, key: i }))}
                advice="Vous pouvez changer la date ou le conseiller, ou programmer quand même."
              />
            ) : null}
            {conflicts.outsidePeriods.length > 0 ? (
              <Alert type="warning" role={conflicts.counsellors.length > 0 ? "status" : "alert"} title="Attention : date hors des périodes demandées par le collège">
                <ul>
                  {conflicts.outsidePeriods.map((w) => (
                    <li key={w.sessionIndex}>Séance du {formatDay(w.day)}.</li>
                  ))}
                </ul>
                <p>
                  Le collège a demandé :{" "}
                  {conflicts.requestedPeriods.map((p) => (p.from === p.to ? `le ${formatDay(p.from)}` : `du ${formatDay(p.from)} au ${formatDay(p.to)}`)).join(" ; ")}.
                </p>
                <p>Vous pouvez changer la date, ou programmer quand même si le collège est d'accord.</p>
              </Alert>
            ) : null}
            <div className="mn-actions">
              <Button onClick={() => submit(true)} loading={schedule.isPending} loadingLabel="Programmation…">
                Programmer quand même
              </Button>
            </div>
          </div>
        ) : (
          <div className="mn-actions">
            <Button type="submit" loading={schedule.isPending} loadingLabel="Vérification…">
              Programmer la séance
            </Button>
          </div>
        )}
      </form>
    </section>
  );
}
