import { useState, type FormEvent, type ReactNode } from "react";
import { useQuery } from "@tanstack/react-query";
import { Link } from "wouter";
import {
  classLevels,
  collegeReportInput,
  countOf,
  collegeTopics,
  formatDateTime,
  formatDuration,
  MAX_PUPILS_PER_CLASS,
  requesterRoles,
  type CollegeReport,
  type CounsellorCollegeSessionView,
} from "@medianum/domain";
import {
  Alert,
  Button,
  CheckboxGroup,
  ErrorSummary,
  NumberField,
  Spinner,
  TextArea,
  issuesToFieldErrors,
  readApiError,
  toSummary,
  type FieldErrors,
} from "@medianum/ui";
import { useTRPC } from "@medianum/api-client";
import { QueryState, Title } from "../../common.js";
import { useDevice } from "../../offline/device.js";
import { useLive } from "../../offline/live.js";
import { queueCollegeReport } from "../../offline/college-report.js";
import type { OutboxItem } from "../../offline/db.js";

/** A queued report of this session, as it waits in the outbox. */
type QueuedReport = OutboxItem & { payload: CollegeReport };

/**
 * A collège session of my agenda, read from the device (it works with no network), with the
 * report once it is over. A report waits in the outbox until sent; refused, it comes back here
 * with its fields filled in to be corrected.
 */
export function CollegeSessionPage({ id }: { id: string }) {
  const trpc = useTRPC();
  const { db } = useDevice();
  const device = useLive(
    async () => ({
      session: (await db.collegeSessions.get(id)) ?? null,
      queued: ((await db.outbox.filter((o) => o.kind === "college.report" && (o.payload as { sessionId?: string }).sessionId === id).last()) as QueuedReport | undefined) ?? null,
    }),
    [db, id],
  );
  // Not on the device (older than the device keeps, or the first download is not done): ask the server.
  const q = useQuery({ ...trpc.college.mySession.queryOptions({ id }), enabled: device !== undefined && !device.session });
  const s = device?.session ?? q.data ?? null;
  const notFound = !s && q.isError && ["NOT_FOUND", "BAD_REQUEST"].includes(readApiError(q.error).code ?? "");
  return (
    <>
      <Title title={s ? `Séance au ${s.establishmentName}` : "Séance en collège"} />
      <p>
        <Link href="/colleges">← Mes séances en collège</Link>
      </p>
      <h1>{s ? `Séance au ${s.establishmentName}` : notFound ? "Séance introuvable" : "Séance en collège"}</h1>
      {s ? (
        <SessionDetail s={s} queued={device?.queued ?? null} />
      ) : !device ? (
        <Spinner label="Chargement de la séance…" />
      ) : notFound ? (
        <p>{readApiError(q.error).message}</p>
      ) : q.isError && !navigator.onLine ? (
        <Alert type="info" title="Cette séance n'est pas encore sur cet appareil.">
          <p>Elle y arrivera à la prochaine connexion au réseau.</p>
        </Alert>
      ) : (
        <QueryState query={q} loadingLabel="Chargement de la séance…" errorTitle="La séance n'a pas pu être affichée.">
          {() => null}
        </QueryState>
      )}
    </>
  );
}

function SessionDetail({ s, queued }: { s: CounsellorCollegeSessionView; queued: QueuedReport | null }) {
  const started = s.startsAt.getTime() <= Date.now();
  // With a report to fill, the form comes first (on a phone it starts on screen); the details fold away.
  const toFill = s.status !== "cancelled" && !s.report && (!queued || queued.status === "rejected") && started;
  const when = (
    <>
      {formatDateTime(s.startsAt)} ({formatDuration(s.durationMinutes)})
    </>
  );
  const where = (
    <>
      {s.establishmentName}
      {s.room ? `, ${s.room}` : ""}
      <br />
      {s.address ? `${s.address}, ` : ""}
      {s.communeName}
    </>
  );
  // Under the title "Séance au <collège>": the room and the address are enough.
  const whereShort = (
    <>
      {s.room ? `${s.room} · ` : ""}
      {s.address ? `${s.address}, ` : ""}
      {s.communeName}
    </>
  );
  const details = (
    <dl className="mn-details">
      {toFill ? null : (
        <>
          <dt>Date</dt>
          <dd>{when}</dd>
          <dt>Adresse</dt>
          <dd>{where}</dd>
        </>
      )}
      <dt>Classes</dt>
      <dd>
        {s.classes.map((c) => `${c.name ?? classLevels.label(c.level)} (${countOf(c.pupils, "élève")})`).join(", ")}
      </dd>
      <dt>Sujets demandés</dt>
      <dd>
        {s.topics.map((t) => collegeTopics.label(t)).join(", ")}
        {s.otherTopic ? ` — ${s.otherTopic}` : ""}
      </dd>
      {s.constraints ? (
        <>
          <dt>Contraintes</dt>
          <dd>{s.constraints}</dd>
        </>
      ) : null}
      <dt>Contact</dt>
      <dd>
        {s.contact.name} ({requesterRoles.label(s.contact.role)})
        <br />
        <a href={`mailto:${s.contact.email}`}>{s.contact.email}</a>
        {s.contact.phone ? (
          <>
            <br />
            <a href={`tel:${s.contact.phone}`}>{s.contact.phone}</a>
          </>
        ) : null}
      </dd>
      <dt>Intervenants</dt>
      <dd>{s.counsellors.join(", ")}</dd>
    </dl>
  );
  return (
    <>
      {toFill ? (
        <>
          <p>
            {when}
            <br />
            {whereShort}
          </p>
          <details className="mn-disclosure">
            <summary>Classes, sujets demandés et contact</summary>
            {details}
          </details>
        </>
      ) : (
        details
      )}

      {s.status === "cancelled" ? (
        <Alert type="warning" role="none" title="Séance annulée">
          <p>Cette séance a été annulée par la coordination.</p>
        </Alert>
      ) : s.report ? (
        <Reported s={s} />
      ) : queued && queued.status === "rejected" ? (
        <ReportForm key={queued.seq} s={s} correcting={queued} />
      ) : queued ? (
        <Queued s={s} queued={queued} />
      ) : started ? (
        <ReportForm s={s} />
      ) : (
        <p>Le compte rendu pourra être rempli une fois la séance commencée.</p>
      )}
    </>
  );
}

function Reported({ s }: { s: CounsellorCollegeSessionView }) {
  const r = s.report!;
  return (
    <ReportSection
      s={s}
      present={new Map(s.classes.map((c) => [c.id, c.pupilsPresent ?? 0]))}
      report={r}
      status={
        <Alert type="success" role="none">
          <p>Compte rendu envoyé le {formatDateTime(r.reportedAt)} : la séance est comptée dans vos activités.</p>
        </Alert>
      }
    />
  );
}

/** Saved on the device, not yet confirmed by the server. */
function Queued({ s, queued }: { s: CounsellorCollegeSessionView; queued: QueuedReport }) {
  const r = queued.payload;
  return (
    <ReportSection
      s={s}
      present={new Map(r.classes.map((c) => [c.classId, c.pupilsPresent]))}
      report={r}
      status={
        <Alert type="info" role="none" title="Compte rendu enregistré sur cet appareil, en attente d'envoi.">
          <p>
            Il part dès que le réseau le permet ; suivez-le dans <Link href="/envois">Envois</Link>.
          </p>
        </Alert>
      }
    />
  );
}

/** A report as read back: where it stands, then pupils per class, topics, duration, remarks. */
function ReportSection({
  s,
  present,
  report,
  status,
}: {
  s: CounsellorCollegeSessionView;
  present: Map<string, number>;
  report: { topicsCovered: CollegeReport["topicsCovered"]; durationMinutes: number; remarks?: string | null | undefined };
  status: ReactNode;
}) {
  const total = [...present.values()].reduce((n, p) => n + p, 0);
  return (
    <section aria-labelledby="compte-rendu">
      <h2 id="compte-rendu" tabIndex={-1}>
        Compte rendu
      </h2>
      {status}
      <dl className="mn-details">
        <dt>Élèves présents</dt>
        <dd>
          {total} ({s.classes.map((c) => `${c.name ?? classLevels.label(c.level)} : ${present.get(c.id) ?? "—"}`).join(", ")})
        </dd>
        <dt>Sujets abordés</dt>
        <dd>{report.topicsCovered.map((t) => collegeTopics.label(t)).join(", ")}</dd>
        <dt>Durée</dt>
        <dd>{formatDuration(report.durationMinutes)}</dd>
        {report.remarks ? (
          <>
            <dt>Remarques</dt>
            <dd>{report.remarks}</dd>
          </>
        ) : null}
      </dl>
    </section>
  );
}

/**
 * The report, new or (`correcting`) refused by the server and filled in again with what was
 * typed: classes the session no longer has are dropped, new ones are left to fill.
 */
function ReportForm({ s, correcting }: { s: CounsellorCollegeSessionView; correcting?: QueuedReport }) {
  const prev = correcting?.payload;
  // The report's id is made here once: sending again (double tap, retry) cannot create a second record.
  const [reportId] = useState(() => prev?.id ?? crypto.randomUUID());
  const [present, setPresent] = useState<Record<string, number | null>>(() => {
    const typed = new Map(prev?.classes.map((c) => [c.classId, c.pupilsPresent]));
    return Object.fromEntries(s.classes.map((c) => [c.id, prev ? (typed.get(c.id) ?? null) : c.pupils]));
  });
  const [topics, setTopics] = useState<string[]>(prev?.topicsCovered ?? s.topics);
  const [duration, setDuration] = useState<number | null>(prev?.durationMinutes ?? s.durationMinutes);
  const [remarks, setRemarks] = useState(prev?.remarks ?? "");
  const [errors, setErrors] = useState<FieldErrors>(() =>
    Object.fromEntries(Object.entries(correcting?.fieldErrors ?? {}).map(([k, v]) => [k, v[0] ?? ""])),
  );
  const [formError, setFormError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  // Submissions go through the device's outbox: saved here first, sent when the network allows.
  const { db, engine } = useDevice();
  const [saving, setSaving] = useState(false);
  async function queueReport(data: CollegeReport) {
    setSaving(true);
    try {
      // Refused here as the server would refuse it (not started, cancelled, classes changed): nothing is queued.
      const refused = await queueCollegeReport(db, s, data, correcting?.seq);
      if (refused) {
        if (refused.field) setErrors({ [refused.field]: refused.message });
        else setFormError(refused.message);
        setAttempt((n) => n + 1);
        return;
      }
      // The page follows the outbox: it now shows the report as waiting, then as sent.
      void engine.run({ now: true });
    } catch {
      setFormError("L'appareil n'a pas pu enregistrer le compte rendu (stockage plein ou navigation privée ?).");
      setAttempt((n) => n + 1);
    } finally {
      setSaving(false);
    }
  }
  const classIndex = new Map(s.classes.map((c, i) => [String(i), c.id]));
  function mapErrors(raw: FieldErrors): FieldErrors {
    // "classes.0.pupilsPresent" → the field of that class.
    const out: FieldErrors = {};
    for (const [k, m] of Object.entries(raw)) {
      const match = /^classes\.(\d+)\./.exec(k);
      out[match ? `present-${classIndex.get(match[1]!)}` : k] = m;
    }
    return out;
  }
  function onSubmit(e: FormEvent) {
    e.preventDefault();
    setFormError(null);
    const parsed = collegeReportInput.safeParse({
      id: reportId,
      sessionId: s.id,
      classes: s.classes.map((c) => ({ classId: c.id, pupilsPresent: present[c.id] ?? undefined })),
      topicsCovered: topics,
      durationMinutes: duration ?? undefined,
      remarks,
    });
    if (!parsed.success) {
      setErrors(mapErrors(issuesToFieldErrors(parsed.error.issues)));
      setAttempt((n) => n + 1);
      return;
    }
    setErrors({});
    void queueReport(parsed.data);
  }
  const order = [...s.classes.map((c) => `present-${c.id}`), "classes", "topicsCovered", "durationMinutes", "remarks"];
  return (
    <section aria-labelledby="compte-rendu-form">
      <h2 id="compte-rendu-form">{correcting ? "Compte rendu à corriger" : "Compte rendu de la séance"}</h2>
      {correcting ? (
        <Alert type="error" title="Le serveur a refusé ce compte rendu.">
          <p>{correcting.message}</p>
          <p>Corrigez-le puis envoyez-le à nouveau : ce que vous aviez saisi est repris ci-dessous.</p>
        </Alert>
      ) : null}
      <ErrorSummary errors={toSummary(errors, order)} focusKey={attempt} />
      {formError ? (
        <Alert type="error" title="Le compte rendu n'a pas pu être envoyé.">
          <p>{formError}</p>
        </Alert>
      ) : null}
      <form noValidate onSubmit={onSubmit}>
        <fieldset className="mn-field" id="classes" tabIndex={-1}>
          <legend className="mn-legend">Élèves présents</legend>
          {errors.classes ? <p className="mn-error-message">{errors.classes}</p> : null}
          {s.classes.map((c) => (
            <NumberField
              key={c.id}
              label={`${c.name ?? classLevels.label(c.level)} (${countOf(c.pupils, "inscrit")})`}
              name={`present-${c.id}`}
              hint={`${MAX_PUPILS_PER_CLASS} au maximum.`}
              value={present[c.id] ?? null}
              onChange={(n) => setPresent((p) => ({ ...p, [c.id]: n }))}
              error={errors[`present-${c.id}`]}
            />
          ))}
        </fieldset>
        <CheckboxGroup legend="Sujets abordés" name="topicsCovered" options={collegeTopics.items} value={topics} onChange={setTopics} error={errors.topicsCovered} />
        <NumberField label="Durée en minutes" name="durationMinutes" value={duration} onChange={setDuration} error={errors.durationMinutes} />
        <TextArea
          label="Remarques"
          name="remarks"
          optional
          hint="Ce qui a marché, les questions des élèves, une suite à donner."
          value={remarks}
          onChange={(e) => setRemarks(e.target.value)}
          error={errors.remarks}
        />
        {/* Said beside the button rather than above the form: on a phone the first field starts on screen. */}
        {correcting ? null : <p className="mn-hint">Le compte rendu compte la séance dans vos activités (atelier collectif) et prévient le collège quand toutes ses séances sont faites.</p>}
        <div className="mn-actions">
          <Button type="submit" loading={saving} loadingLabel="Envoi du compte rendu…">
            {correcting ? "Envoyer le compte rendu corrigé" : "Envoyer le compte rendu"}
          </Button>
        </div>
      </form>
    </section>
  );
}
