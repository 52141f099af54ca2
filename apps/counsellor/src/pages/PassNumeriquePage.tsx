import { useState, type FormEvent } from "react";
import { useSearch } from "wouter";
import { chequeUsableOn, countCheques, countOf, formatDay, pluralWord, passPrescriptionInput, type PassPrescription } from "@medianum/domain";
import { Alert, Badge, Button, CheckboxGroup, EmptyState, ErrorSummary, Spinner, TextArea, TextField, issuesToFieldErrors, toSummary, useFocusOnMount, type FieldErrors } from "@medianum/ui";
import { Title, todayIso } from "../common.js";
import { useDevice } from "../offline/device.js";
import { useLive } from "../offline/live.js";
import { queuePrescription } from "../offline/prescriptions.js";
import type { OutboxItem } from "../offline/db.js";

/** A prescription the server refused, waiting in the outbox to be corrected. */
type Refused = OutboxItem & { payload: PassPrescription };

const day = (iso: string) => formatDay(iso);

/**
 * My stock of Pass numérique cheques and their prescription to a person, offline too. A
 * prescription the server refused (a cheque given meanwhile from another phone…) is corrected
 * here, with what was typed filled in (`?corriger=<id>` opens it from « Envois »).
 */
export function PassNumeriquePage() {
  const { db } = useDevice();
  const data = useLive(async () => ({
    cheques: await db.cheques.orderBy("number").toArray(),
    prescriptions: (await db.prescriptions.toArray()).sort((a, b) => b.prescribedOn.localeCompare(a.prescribedOn)),
    refused: new Map(
      (await db.outbox.filter((o) => o.kind === "pass.prescription" && o.status === "rejected").toArray()).map((o) => [o.entityId, o as Refused]),
    ),
  }), [db]);
  const [done, setDone] = useState<string | null>(null);
  const search = useSearch();
  const [correctingId, setCorrectingId] = useState<string | null>(() => new URLSearchParams(search).get("corriger"));
  if (!data) return <Spinner />;
  const counts = countCheques(data.cheques);
  const usable = data.cheques.filter((c) => chequeUsableOn(c, todayIso()));
  const correcting = correctingId ? (data.refused.get(correctingId) ?? null) : null;
  return (
    <>
      <Title title="Pass numérique" />
      <h1>Pass numérique</h1>
      <h2>Mon stock</h2>
      {data.cheques.length === 0 ? (
        <EmptyState title="Aucun chèque ne vous est attribué pour le moment." />
      ) : (
        <ul className="mn-figures">
          <li>
            <strong>{usable.length}</strong> à distribuer
          </li>
          <li>
            <strong>{counts.prescribed}</strong> prescrits
          </li>
          <li>
            <strong>{counts.used}</strong> utilisés
          </li>
          <li>
            <strong>{counts.expired}</strong> expirés
          </li>
        </ul>
      )}
      {done ? (
        <Alert type="success">
          <p>{done}</p>
        </Alert>
      ) : null}
      {correcting ? (
        <PrescriptionForm
          key={correcting.seq}
          numbers={[...new Set([...correcting.payload.chequeNumbers, ...usable.map((c) => c.number)])].sort()}
          correcting={correcting}
          onDone={(m) => {
            setDone(m);
            setCorrectingId(null);
          }}
          onCancel={() => setCorrectingId(null)}
        />
      ) : usable.length > 0 ? (
        <PrescriptionForm numbers={usable.map((c) => c.number)} onDone={setDone} />
      ) : null}
      <h2>Mes prescriptions</h2>
      {data.prescriptions.length === 0 ? (
        <p>Aucune prescription pour le moment.</p>
      ) : (
        <ul className="mn-card-list">
          {data.prescriptions.map((p) => (
            <li className="mn-card" key={p.id}>
              <h3 className="mn-card__title">
                {day(p.prescribedOn)}{" "}
                {p.syncState === "pending" ? <Badge tone="warning">En attente d'envoi</Badge> : p.syncState === "problem" ? <Badge tone="danger">À corriger</Badge> : null}
              </h3>
              <p>{p.need}</p>
              <p>
                {countOf(p.chequeNumbers.length, "chèque")} : {p.chequeNumbers.join(", ")}
              </p>
              {data.refused.has(p.id) ? (
                <>
                  <Alert type="error" title="Le serveur a refusé cette prescription.">
                    <p>{data.refused.get(p.id)!.message}</p>
                  </Alert>
                  {correctingId !== p.id ? (
                    <Button size="small" onClick={() => setCorrectingId(p.id)}>
                      Corriger<span className="mn-visually-hidden"> la prescription du {day(p.prescribedOn)}</span>
                    </Button>
                  ) : null}
                </>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

function PrescriptionForm({ numbers, correcting, onDone, onCancel }: { numbers: string[]; correcting?: Refused; onDone: (m: string) => void; onCancel?: () => void }) {
  const { db, engine } = useDevice();
  const prev = correcting?.payload;
  const [chosen, setChosen] = useState<string[]>(prev?.chequeNumbers ?? []);
  const [date, setDate] = useState(prev?.prescribedOn ?? todayIso());
  const [need, setNeed] = useState(prev?.need ?? "");
  const [errors, setErrors] = useState<FieldErrors>(() => Object.fromEntries(Object.entries(correcting?.fieldErrors ?? {}).map(([k, v]) => [k, v[0] ?? ""])));
  const [attempt, setAttempt] = useState(0);
  const correctionTitle = useFocusOnMount<HTMLHeadingElement>();
  // A corrected prescription keeps its id: it is the same one, sent again.
  const [id, setId] = useState(() => prev?.id ?? crypto.randomUUID());

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    const parsed = passPrescriptionInput.safeParse({ id, prescribedOn: date, need, chequeNumbers: chosen });
    if (!parsed.success) {
      setErrors(issuesToFieldErrors(parsed.error.issues));
      setAttempt((n) => n + 1);
      return;
    }
    const p = parsed.data;
    // Refused here as the server would refuse it: the cheques stay in stock, nothing is queued.
    const refused = await queuePrescription(db, p, correcting ? { seq: correcting.seq!, payload: correcting.payload } : undefined);
    if (refused) {
      setErrors({ [refused.field ?? "chequeNumbers"]: refused.message });
      setAttempt((n) => n + 1);
      return;
    }
    void engine.run({ now: true });
    onDone(`${countOf(p.chequeNumbers.length, "chèque")} ${pluralWord(p.chequeNumbers.length, "prescrit")}${navigator.onLine ? "" : " sur cet appareil : la prescription sera envoyée dès le retour du réseau"}.`);
    setChosen([]);
    setNeed("");
    setErrors({});
    setId(crypto.randomUUID());
  }

  return (
    <>
      {correcting ? (
        // Opened from a card further down: the focus comes up here, where the form is.
        <h2 ref={correctionTitle} tabIndex={-1}>
          Corriger la prescription du {day(correcting.payload.prescribedOn)}
        </h2>
      ) : (
        <h2>Prescrire des chèques</h2>
      )}
      {correcting ? (
        <Alert type="error" title="Le serveur a refusé cette prescription.">
          <p>{correcting.message}</p>
          <p>Choisissez d'autres chèques ou corrigez la date, puis envoyez-la à nouveau.</p>
        </Alert>
      ) : null}
      <ErrorSummary errors={toSummary(errors, ["chequeNumbers", "prescribedOn", "need"])} focusKey={attempt} />
      <form noValidate onSubmit={(e) => void onSubmit(e)}>
        <CheckboxGroup
          legend="Chèques remis à la personne"
          name="chequeNumbers"
          hint="Cochez les numéros imprimés sur les chèques que vous remettez."
          options={numbers.slice(0, 40).map((n) => ({ value: n, label: n }))}
          value={chosen}
          onChange={setChosen}
          error={errors.chequeNumbers}
        />
        <TextField label="Date" name="prescribedOn" type="date" max={todayIso()} value={date} onChange={(e) => setDate(e.target.value)} error={errors.prescribedOn} short />
        <TextArea
          label="Besoin de la personne"
          name="need"
          hint="Par exemple : apprendre à utiliser sa tablette. Ni nom ni information qui permettrait de reconnaître la personne."
          value={need}
          onChange={(e) => setNeed(e.target.value)}
          error={errors.need}
        />
        <div className="mn-actions">
          <Button type="submit">{correcting ? "Envoyer la prescription corrigée" : "Prescrire"}</Button>
          {onCancel ? (
            <Button variant="secondary" onClick={onCancel}>
              Annuler
            </Button>
          ) : null}
        </div>
      </form>
    </>
  );
}
