import { useState, type FormEvent } from "react";
import { Link } from "wouter";
import { attendanceInput, checkInOpensText, checkInRefusal, countOf, formatDateTime, registrationStatuses, type AttendanceInput } from "@medianum/domain";
import { Alert, Badge, Button, EmptyState, ErrorSummary, NumberField, Spinner, TextField, issuesToFieldErrors, toSummary, type FieldErrors } from "@medianum/ui";
import { Title } from "../common.js";
import { useDevice } from "../offline/device.js";
import { useLive } from "../offline/live.js";
import { addWalkIn, markAttendance } from "../offline/check-in.js";


/** Attendance of a workshop session I run: marks and walk-ins saved on the device, sent by the outbox. */
export function CheckInPage({ sessionId }: { sessionId: string }) {
  const { db, engine } = useDevice();
  const sheet = useLive(async () => (await db.sheets.get(sessionId)) ?? null, [db, sessionId]);
  const [message, setMessage] = useState<string | null>(null);
  // What the device refused at once, as the server would: nothing was marked nor queued.
  const [refusal, setRefusal] = useState<string | null>(null);

  async function mark(registrationId: string, name: string, value: "present" | "absent") {
    const input = attendanceInput.parse({ kind: "mark", sessionId, registrationId, mark: value }) as Extract<AttendanceInput, { kind: "mark" }>;
    const refused = await markAttendance(db, input, name);
    if (refused) {
      setMessage(null);
      setRefusal(`${name} : ${refused.message}`);
      return;
    }
    setRefusal(null);
    setMessage(`${name} : ${value === "present" ? "présent(e)" : "absent(e)"}${navigator.onLine ? "" : " (enregistré sur cet appareil)"}.`);
    void engine.run({ now: true });
  }

  if (sheet === undefined) return <Spinner />;
  if (sheet === null) {
    return (
      <>
        <Title title="Pointage" />
        <h1>Pointage</h1>
        <EmptyState title="La liste de cette séance n'est pas sur cet appareil.">
          <p>Elle est chargée pour les séances des prochains jours dès que le réseau est là.</p>
          <p>
            <Link href="/">Retour à mon agenda</Link>
          </p>
        </EmptyState>
      </>
    );
  }
  // Shown before any tap: the same rule refuses each mark below until it opens.
  const closed = checkInRefusal(sheet.session, new Date());
  return (
    <>
      <Title title={`Pointage — ${sheet.session.title}`} />
      <h1>Pointage des présences</h1>
      <p>
        <strong>{sheet.session.title}</strong> — {formatDateTime(sheet.session.startsAt)}, {sheet.session.place.name} ({sheet.session.place.communeName})
      </p>
      <p role="status">
        {countOf(sheet.presentCount, "présent")}
        {message ? ` · ${message}` : ""}
      </p>
      {closed ? (
        <Alert type="info" role="none" title={closed.message}>
          {sheet.session.status !== "cancelled" ? <p>{checkInOpensText(sheet.session.startsAt, new Date())}</p> : null}
        </Alert>
      ) : null}
      {refusal ? (
        <Alert type="error" title="Pointage refusé">
          <p>{refusal}</p>
        </Alert>
      ) : null}
      {sheet.registrations.length === 0 ? (
        <p>Aucune inscription pour le moment.</p>
      ) : (
        <ul className="mn-card-list">
          {sheet.registrations.map((r) => {
            const name = `${r.firstName} ${r.lastName}`.trim();
            return (
              <li className="mn-card" key={r.id}>
                <h2 className="mn-card__title">
                  {name} <Badge tone={r.status === "attended" ? "success" : r.status === "no_show" ? "danger" : "neutral"}>{registrationStatuses.has(r.status) ? registrationStatuses.label(r.status) : r.status}</Badge>
                </h2>
                <p>
                  {countOf(r.seats, "place")}
                  {r.need ? ` · ${r.need}` : ""}
                </p>
                <p className="mn-actions">
                  <Button size="small" onClick={() => void mark(r.id, name, "present")} aria-pressed={r.status === "attended"}>
                    Présent<span className="mn-visually-hidden"> : {name}</span>
                  </Button>
                  <Button size="small" variant="secondary" onClick={() => void mark(r.id, name, "absent")} aria-pressed={r.status === "no_show"}>
                    Absent<span className="mn-visually-hidden"> : {name}</span>
                  </Button>
                </p>
              </li>
            );
          })}
        </ul>
      )}
      <WalkIn
        sessionId={sessionId}
        onDone={(m) => {
          setRefusal(null);
          setMessage(m);
        }}
        onRefused={(m) => {
          setMessage(null);
          setRefusal(m);
        }}
      />
    </>
  );
}

/** Someone came without booking: added with a device id, so a replay adds them once. */
function WalkIn({ sessionId, onDone, onRefused }: { sessionId: string; onDone: (m: string) => void; onRefused: (m: string) => void }) {
  const { db, engine } = useDevice();
  const [firstName, setFirstName] = useState("");
  const [seats, setSeats] = useState<number | null>(1);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [attempt, setAttempt] = useState(0);
  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    const parsed = attendanceInput.safeParse({ kind: "walk_in", sessionId, clientId: crypto.randomUUID(), firstName, seats });
    if (!parsed.success) {
      setErrors(issuesToFieldErrors(parsed.error.issues));
      setAttempt((n) => n + 1);
      return;
    }
    const input = parsed.data as Extract<typeof parsed.data, { kind: "walk_in" }>;
    const refused = await addWalkIn(db, input);
    if (refused) {
      // What was typed stays, to be added once check-in opens.
      setErrors({});
      onRefused(`${input.firstName} : ${refused.message}`);
      return;
    }
    setFirstName("");
    setSeats(1);
    setErrors({});
    onDone(`${input.firstName} ajouté(e) aux présents.`);
    void engine.run({ now: true });
  }
  return (
    <>
      <h2>Ajouter une personne venue sans inscription</h2>
      <ErrorSummary errors={toSummary(errors, ["firstName", "seats"])} focusKey={attempt} />
      <form noValidate onSubmit={(e) => void onSubmit(e)}>
        <TextField label="Prénom" name="firstName" value={firstName} onChange={(e) => setFirstName(e.target.value)} error={errors.firstName} />
        <NumberField label="Nombre de personnes" name="seats" value={seats} onChange={setSeats} error={errors.seats} />
        <Button type="submit" variant="secondary">
          Ajouter aux présents
        </Button>
      </form>
      {Object.keys(errors).length ? (
        <Alert type="error">
          <p>Corrigez les champs indiqués.</p>
        </Alert>
      ) : null}
    </>
  );
}
