import { useEffect, useRef, useState, type FormEvent } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link, useLocation } from "wouter";
import { formatDateTime, formatDuration, registrationSources, registrationStatuses, sessionDuplicateInput, sessionStatuses, staffBookingInput, countOf } from "@medianum/domain";
import {
  ActionsMenu,
  Alert,
  Badge,
  Button,
  DataTable,
  EmptyState,
  ErrorSummary,
  SelectField,
  TextField,
  TextArea,
  issuesToFieldErrors,
  readApiError,
  toSummary,
  type FieldErrors,
} from "@medianum/ui";
import { useTRPC } from "@medianum/api-client";
import { QueryState, registrationTone, Title } from "./common.js";


export function SessionRegistrationsPage({ id }: { id: string }) {
  const trpc = useTRPC();
  const q = useQuery(trpc.workshop.sessionRegistrations.queryOptions({ sessionId: id }));
  const notFound = q.isError && ["NOT_FOUND", "BAD_REQUEST"].includes(readApiError(q.error).code ?? "");
  const s = q.data?.session;
  const [flash, setFlash] = useState<string | null>(null);
  const [pending, setPending] = useState<{ registration: { id: string; firstName: string; lastName: string }; mode: "move" | "cancel" } | null>(null);
  // Where the focus goes back when the action panel closes: the row's menu button when the person
  // keeps the registration, the confirmation message when the action is done (the row may be gone).
  const returnTo = useRef<HTMLElement | null>(null);
  const flashRef = useRef<HTMLDivElement>(null);
  const openPanel = (registration: { id: string; firstName: string; lastName: string }, mode: "move" | "cancel") => {
    returnTo.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    setPending({ registration, mode });
  };
  useEffect(() => {
    if (flash) flashRef.current?.focus();
  }, [flash]);
  return (
    <>
      <Title title={s ? `Inscriptions — ${s.title}` : "Inscriptions"} />
      <p>
        <Link href="/seances">← Toutes les séances</Link>
      </p>
      <h1>{s ? s.title : notFound ? "Séance introuvable" : "Inscriptions à la séance"}</h1>
      {flash ? (
        <div ref={flashRef} tabIndex={-1}>
          <Alert type="success">
            <p>{flash}</p>
          </Alert>
        </div>
      ) : null}
      {notFound ? (
        <p>Cette séance n'existe pas ou a été supprimée.</p>
      ) : (
        <QueryState query={q} loadingLabel="Chargement des inscriptions…" errorTitle="Les inscriptions n'ont pas pu être affichées.">
          {() =>
            q.data ? (
              <>
                <dl className="mn-details">
                  <dt>Date</dt>
                  <dd>
                    {formatDateTime(q.data.session.startsAt)} ({formatDuration(q.data.session.durationMinutes)})
                  </dd>
                  <dt>Lieu</dt>
                  <dd>
                    {q.data.session.place.name}, {q.data.session.place.communeName}
                  </dd>
                  <dt>Places</dt>
                  <dd>
                    {q.data.session.seatsTaken} prises sur {q.data.session.capacity}
                    {q.data.session.waitlisted ? `, ${q.data.session.waitlisted} en liste d'attente` : ""}
                  </dd>
                  <dt>Statut</dt>
                  <dd>{sessionStatuses.label(q.data.session.status)}</dd>
                  <dt>Conseillers</dt>
                  <dd>{q.data.session.counsellors.map((c) => c.displayName).join(", ") || "Aucun"}</dd>
                </dl>
                <SessionActions sessionId={id} status={q.data.session.status} onFlash={setFlash} />
                <h2>Inscriptions</h2>
                {q.data.session.status === "scheduled" ? <AddRegistration sessionId={id} onFlash={setFlash} /> : null}
                {q.data.registrations.length === 0 ? (
                  <EmptyState title="Personne n'est encore inscrit à cette séance." />
                ) : (
                  <DataTable
                    caption={`Inscriptions (${q.data.registrations.length})`}
                    hideCaption
                    rows={q.data.registrations}
                    rowKey={(r) => r.id}
                    columns={[
                      { key: "name", header: "Nom", rowHeader: true, render: (r) => `${r.firstName} ${r.lastName}` },
                      {
                        key: "contact",
                        header: "Contact",
                        render: (r) => (
                          <>
                            {r.email ? <a href={`mailto:${r.email}`}>{r.email}</a> : null}
                            {r.email && r.phone ? <br /> : null}
                            {r.phone ? <a href={`tel:${r.phone}`}>{r.phone}</a> : null}
                          </>
                        ),
                      },
                      { key: "seats", header: "Places", render: (r) => r.seats },
                      {
                        key: "status",
                        header: "Statut",
                        render: (r) => <Badge tone={registrationTone(r.status)}>{registrationStatuses.label(r.status)}</Badge>,
                      },
                      { key: "need", header: "Besoin", render: (r) => r.need ?? "" },
                      {
                        // Date and origin in one column: the row stays within a 1366 px screen.
                        key: "created",
                        header: "Inscription",
                        render: (r) => (
                          <>
                            {formatDateTime(r.createdAt)}
                            <br />
                            <span className="mn-hint">{registrationSources.has(r.source) ? registrationSources.label(r.source) : r.source}</span>
                          </>
                        ),
                      },
                      {
                        key: "actions",
                        header: "Actions",
                        render: (r) =>
                          r.status === "confirmed" || r.status === "waitlisted" ? (
                            <ActionsMenu
                              subject={`${r.firstName} ${r.lastName}`}
                              actions={[
                                { label: "Déplacer vers une autre séance", onSelect: () => openPanel(r, "move") },
                                { label: "Annuler l'inscription", danger: true, onSelect: () => openPanel(r, "cancel") },
                              ]}
                            />
                          ) : null,
                      },
                    ]}
                  />
                )}
                {pending ? (
                  <RegistrationActions
                    key={`${pending.registration.id}-${pending.mode}`}
                    sessionId={id}
                    registration={pending.registration}
                    mode={pending.mode}
                    onClose={() => {
                      setPending(null);
                      if (returnTo.current?.isConnected) returnTo.current.focus();
                    }}
                    onFlash={(m) => {
                      setPending(null);
                      setFlash(m);
                    }}
                  />
                ) : null}
              </>
            ) : null
          }
        </QueryState>
      )}
    </>
  );
}

function useRefresh() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () => void queryClient.invalidateQueries({ queryKey: trpc.workshop.pathKey() });
}

function SessionActions({ sessionId, status, onFlash }: { sessionId: string; status: string; onFlash: (m: string) => void }) {
  const trpc = useTRPC();
  const refresh = useRefresh();
  const [, navigate] = useLocation();
  const [panel, setPanel] = useState<"duplicate" | "cancel" | null>(null);
  const [when, setWhen] = useState({ day: "", time: "" });
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [exportError, setExportError] = useState<string | null>(null);
  const duplicate = useMutation(
    trpc.workshop.duplicateSession.mutationOptions({
      onSuccess: (r) => {
        refresh();
        navigate(`/seances/${r.id}`);
      },
      onError: (e) => setError(readApiError(e).message),
    }),
  );
  const cancel = useMutation(
    trpc.workshop.cancelSession.mutationOptions({
      onSuccess: (r) => {
        refresh();
        setPanel(null);
        onFlash(
          `Séance annulée. ${countOf(r.notified, "inscrit prévenu", "inscrits prévenus")} par e-mail.` + (r.toCall ? ` ${countOf(r.toCall, "inscrit", "inscrits")} sans e-mail à prévenir par téléphone.` : ""),
        );
      },
      onError: (e) => setError(readApiError(e).message),
    }),
  );

  const exportCsv = useMutation(trpc.workshop.exportRegistrations.mutationOptions());

  async function downloadCsv() {
    setExportError(null);
    try {
      const { csv, filename } = await exportCsv.mutateAsync({ sessionId });
      const url = URL.createObjectURL(new Blob([csv], { type: "text/csv;charset=utf-8" }));
      const a = document.createElement("a");
      a.href = url;
      a.download = filename;
      document.body.append(a);
      a.click();
      a.remove();
      URL.revokeObjectURL(url);
    } catch (e) {
      setExportError(readApiError(e).message);
    }
  }

  return (
    <section aria-label="Actions sur la séance">
      <div className="mn-actions">
        {status === "scheduled" ? (
          <Link href={`/seances/${sessionId}/modifier`} className="mn-button mn-button--secondary">
            Modifier
          </Link>
        ) : null}
        <Button variant="secondary" onClick={() => setPanel(panel === "duplicate" ? null : "duplicate")} aria-expanded={panel === "duplicate"}>
          Dupliquer
        </Button>
        <Button variant="secondary" onClick={() => void downloadCsv()}>
          Exporter les inscriptions (CSV)
        </Button>
        {status === "scheduled" ? (
          <Button variant="danger" onClick={() => setPanel(panel === "cancel" ? null : "cancel")} aria-expanded={panel === "cancel"}>
            Annuler la séance
          </Button>
        ) : null}
      </div>
      {exportError ? <Alert type="error">{exportError}</Alert> : null}
      {panel === "duplicate" ? (
        <form
          className="mn-card"
          noValidate
          onSubmit={(e: FormEvent) => {
            e.preventDefault();
            const parsed = sessionDuplicateInput.safeParse({ id: sessionId, ...when });
            if (!parsed.success) return setError("Indiquez la date et l'heure de la nouvelle séance.");
            setError(null);
            duplicate.mutate(parsed.data);
          }}
        >
          <p>Même atelier, lieu, nombre de places et conseillers ; sans les inscriptions.</p>
          <TextField label="Date de la copie" name="duplicateDay" type="date" short value={when.day} onChange={(e) => setWhen({ ...when, day: e.target.value })} error={error} />
          <TextField label="Heure de début de la copie (heure de Paris)" name="duplicateTime" type="time" short value={when.time} onChange={(e) => setWhen({ ...when, time: e.target.value })} />
          <Button type="submit" loading={duplicate.isPending}>
            Créer la copie
          </Button>
        </form>
      ) : null}
      {panel === "cancel" ? (
        <form
          className="mn-card"
          noValidate
          onSubmit={(e: FormEvent) => {
            e.preventDefault();
            if (!reason.trim()) return setError("Motif de l'annulation : ce champ est obligatoire.");
            setError(null);
            cancel.mutate({ id: sessionId, reason });
          }}
        >
          <TextArea label="Motif de l'annulation" name="reason" rows={2} hint="Il figure dans l'e-mail envoyé à chaque inscrit." value={reason} onChange={(e) => setReason(e.target.value)} error={error} />
          <Button type="submit" variant="danger" loading={cancel.isPending} loadingLabel="Annulation…">
            Annuler la séance et prévenir les inscrits
          </Button>
        </form>
      ) : null}
    </section>
  );
}

const ADD_ORDER = ["firstName", "lastName", "email", "phone", "seats", "need"];

function AddRegistration({ sessionId, onFlash }: { sessionId: string; onFlash: (m: string) => void }) {
  const trpc = useTRPC();
  const refresh = useRefresh();
  const [open, setOpen] = useState(false);
  const empty = { firstName: "", lastName: "", email: "", phone: "", seats: "1", need: "" };
  const [v, setV] = useState(empty);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [attempt, setAttempt] = useState(0);
  const add = useMutation(
    trpc.workshop.addRegistration.mutationOptions({
      onSuccess: (r) => {
        refresh();
        setV(empty);
        setOpen(false);
        onFlash(r.status === "confirmed" ? "Inscription ajoutée." : "La séance est complète : inscription ajoutée en liste d'attente.");
      },
      onError: (e) => {
        const info = readApiError(e);
        setErrors(Object.keys(info.fieldErrors).length ? info.fieldErrors : { firstName: info.message });
        setAttempt((n) => n + 1);
      },
    }),
  );
  if (!open) {
    return (
      <p>
        <Button variant="secondary" onClick={() => setOpen(true)}>
          Ajouter une inscription
        </Button>
      </p>
    );
  }
  const set = (k: keyof typeof v) => (e: { target: { value: string } }) => setV({ ...v, [k]: e.target.value });
  return (
    <form
      className="mn-card"
      noValidate
      aria-label="Ajouter une inscription"
      onSubmit={(e) => {
        e.preventDefault();
        const parsed = staffBookingInput.safeParse({ ...v, sessionId, seats: Number(v.seats) });
        if (!parsed.success) {
          setErrors(issuesToFieldErrors(parsed.error.issues));
          setAttempt((n) => n + 1);
          return;
        }
        setErrors({});
        add.mutate(parsed.data);
      }}
    >
      <ErrorSummary errors={toSummary(errors, ADD_ORDER)} focusKey={attempt} />
      <TextField label="Prénom" name="firstName" value={v.firstName} onChange={set("firstName")} error={errors.firstName} />
      <TextField label="Nom" name="lastName" value={v.lastName} onChange={set("lastName")} error={errors.lastName} />
      <TextField label="Adresse e-mail" name="email" type="email" optional value={v.email} onChange={set("email")} error={errors.email} />
      <TextField label="Téléphone" name="phone" type="tel" optional value={v.phone} onChange={set("phone")} error={errors.phone} />
      <SelectField label="Places" name="seats" options={[1, 2, 3, 4].map((n) => ({ value: String(n), label: String(n) }))} value={v.seats} onChange={set("seats")} error={errors.seats} />
      <TextArea label="Besoin" name="need" optional rows={2} value={v.need} onChange={set("need")} error={errors.need} />
      <p className="mn-hint">Le consentement est recueilli oralement. Si la séance est complète, l'inscription va en liste d'attente.</p>
      <div className="mn-actions">
        <Button type="submit" loading={add.isPending}>
          Ajouter
        </Button>
        <Button variant="secondary" onClick={() => setOpen(false)}>
          Fermer
        </Button>
      </div>
    </form>
  );
}

/**
 * The action chosen in a registration's menu, in a panel under the table (rather than in the row,
 * which would widen the table): the focus moves to its heading.
 */
function RegistrationActions({
  sessionId,
  registration,
  mode,
  onClose,
  onFlash,
}: {
  sessionId: string;
  registration: { id: string; firstName: string; lastName: string };
  mode: "cancel" | "move";
  onClose: () => void;
  onFlash: (m: string) => void;
}) {
  const trpc = useTRPC();
  const refresh = useRefresh();
  const [target, setTarget] = useState("");
  const [error, setError] = useState<string | null>(null);
  const sessions = useQuery({ ...trpc.workshop.sessions.queryOptions({}), enabled: mode === "move" });
  const who = `${registration.firstName} ${registration.lastName}`;
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  const cancel = useMutation(
    trpc.workshop.cancelRegistration.mutationOptions({
      onSuccess: (r) => {
        refresh();
        onFlash(`Inscription de ${who} annulée.${r.promoted ? ` ${countOf(r.promoted, "inscription confirmée", "inscriptions confirmées")} depuis la liste d'attente.` : ""}`);
      },
      onError: (e) => setError(readApiError(e).message),
    }),
  );
  const move = useMutation(
    trpc.workshop.moveRegistration.mutationOptions({
      onSuccess: (r) => {
        refresh();
        onFlash(`Inscription de ${who} déplacée${r.status === "waitlisted" ? " (en liste d'attente)" : ""}.`);
      },
      onError: (e) => setError(readApiError(e).message),
    }),
  );
  return (
    <section className="mn-card" aria-labelledby="registration-action">
      <h3 id="registration-action" ref={headingRef} tabIndex={-1}>
        {mode === "cancel" ? `Annuler l'inscription de ${who}` : `Déplacer l'inscription de ${who}`}
      </h3>
      {mode === "cancel" ? (
        <>
          <p>La personne est prévenue par e-mail ; une place libérée revient à la liste d'attente.</p>
          <div className="mn-actions">
            <Button variant="danger" loading={cancel.isPending} onClick={() => cancel.mutate({ registrationId: registration.id, notify: true })}>
              Confirmer l'annulation<span className="mn-visually-hidden"> : {who}</span>
            </Button>
            <Button variant="secondary" onClick={onClose}>
              Garder
            </Button>
          </div>
          {error ? <p className="mn-error-message">{error}</p> : null}
        </>
      ) : (
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            if (!target) return setError("Choisissez une séance.");
            move.mutate({ registrationId: registration.id, toSessionId: target });
          }}
        >
          <SelectField
            label={`Déplacer ${who} vers`}
            name={`move-${registration.id}`}
            placeholder={sessions.isPending ? "Chargement…" : "Choisissez une séance"}
            options={(sessions.data ?? [])
              .filter((x) => x.id !== sessionId && x.status === "scheduled" && x.startsAt > new Date())
              .map((x) => ({ value: x.id, label: `${x.title} — ${formatDateTime(x.startsAt)} (${countOf(Math.max(0, x.capacity - x.seatsTaken), "place libre", "places libres")})` }))}
            value={target}
            onChange={(e) => setTarget(e.target.value)}
            error={error}
          />
          <div className="mn-actions">
            <Button type="submit" loading={move.isPending}>
              Déplacer
            </Button>
            <Button variant="secondary" onClick={onClose}>
              Fermer
            </Button>
          </div>
        </form>
      )}
    </section>
  );
}
