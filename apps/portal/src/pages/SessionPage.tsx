import { useState, type FormEvent } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link } from "wouter";
import {
  audiences,
  availabilityLabel,
  bookingInput,
  countOf,
  formatDateTime,
  formatDuration,
  MAX_SEATS_PER_BOOKING,
  pluralWord,
  seatsFreedText,
  seatsReservedText,
} from "@medianum/domain";
import {
  Alert,
  Badge,
  Button,
  CheckboxField,
  ErrorSummary,
  SelectField,
  Spinner,
  TextArea,
  TextField,
  issuesToFieldErrors,
  readApiError,
  toSummary,
  useDocumentTitle,
  useFocusOnMount,
  type FieldErrors,
} from "@medianum/ui";
import { useTRPC } from "@medianum/api-client";

const SITE = "Ateliers e-parentalité";

export default function SessionPage({ id }: { id: string }) {
  const trpc = useTRPC();
  const session = useQuery(trpc.booking.session.queryOptions({ id }));
  const [booked, setBooked] = useState<Booked | null>(null);

  if (booked) return <Confirmation booked={booked} />;

  if (session.isPending) {
    return (
      <>
        <h1>Atelier e-parentalité</h1>
        <Spinner label="Chargement de la séance…" />
      </>
    );
  }
  if (session.isError) {
    const err = readApiError(session.error);
    return (
      <>
        <h1>{err.code === "NOT_FOUND" ? "Séance introuvable" : "Atelier e-parentalité"}</h1>
        <TitleOnly title={err.code === "NOT_FOUND" ? "Séance introuvable" : "Erreur"} />
        {err.code === "NOT_FOUND" || err.code === "BAD_REQUEST" ? (
          <p>Cette séance n'existe pas ou n'est plus proposée.</p>
        ) : (
          <Alert type="error" title="La séance n'a pas pu être affichée.">
            <p>{err.message}</p>
            <Button variant="secondary" size="small" onClick={() => void session.refetch()}>
              Réessayer
            </Button>
          </Alert>
        )}
        <p>
          <Link href="/">Voir les ateliers à venir</Link>
        </p>
      </>
    );
  }

  const s = session.data;
  const full = s.seatsLeft <= 0;
  return (
    <>
      <TitleOnly title={`${s.title}, ${formatDateTime(s.startsAt)}`} />
      <p>
        <Link href="/">← Tous les ateliers</Link>
      </p>
      <h1>{s.title}</h1>
      <p>
        <Badge tone={full ? "danger" : s.seatsLeft <= 3 ? "warning" : "success"}>{availabilityLabel(s.seatsLeft)}</Badge>
      </p>
      {s.description ? <p>{s.description}</p> : null}

      <h2>Informations pratiques</h2>
      <dl className="mn-details">
        <dt>Date</dt>
        <dd>{formatDateTime(s.startsAt)}</dd>
        <dt>Durée</dt>
        <dd>{formatDuration(s.durationMinutes)}</dd>
        <dt>Lieu</dt>
        <dd>
          {s.place.name}
          <br />
          {s.place.address}, {s.place.postalCode} {s.place.communeName}
        </dd>
        {s.audience ? (
          <>
            <dt>Pour qui</dt>
            <dd>{audiences.has(s.audience) ? audiences.label(s.audience) : s.audience}</dd>
          </>
        ) : null}
        {s.whatToBring ? (
          <>
            <dt>À apporter</dt>
            <dd>{s.whatToBring}</dd>
          </>
        ) : null}
        {s.accessInfo ? (
          <>
            <dt>Accès</dt>
            <dd>{s.accessInfo}</dd>
          </>
        ) : null}
        <dt>Prix</dt>
        <dd>Gratuit</dd>
        {s.contactEmail || s.contactPhone ? (
          <>
            <dt>Une question ?</dt>
            <dd>
              {s.contactPhone ? <a href={`tel:${s.contactPhone}`}>{s.contactPhone.replace(/(\d{2})(?=\d)/g, "$1 ")}</a> : null}
              {s.contactEmail && s.contactPhone ? <br /> : null}
              {s.contactEmail ? <a href={`mailto:${s.contactEmail}`}>{s.contactEmail}</a> : null}
            </dd>
          </>
        ) : null}
      </dl>

      {full ? (
        <Alert type="warning" title="Complet — liste d'attente ouverte" role="none">
          <p>
            Il n'y a plus de place pour le moment. Inscrivez-vous sur la liste d'attente : si des places se libèrent, votre
            inscription est confirmée automatiquement, dans l'ordre d'arrivée, et nous vous prévenons.
          </p>
          <p>
            <Link href="/">Voir les autres dates</Link>
          </p>
        </Alert>
      ) : null}
      <BookingForm
        sessionId={s.id}
        seatsLeft={s.seatsLeft}
        retentionMonths={s.retentionMonths}
        cancellationDeadlineHours={s.cancellationDeadlineHours}
        onBooked={setBooked}
      />
    </>
  );
}

function TitleOnly({ title }: { title: string }) {
  useDocumentTitle(title, SITE);
  return null;
}

interface FormValues {
  firstName: string;
  lastName: string;
  email: string;
  phone: string;
  seats: string;
  need: string;
  consent: boolean;
  website: string;
  /** When the seats asked are no longer free at submission time, join the waitlist instead of failing. */
  acceptWaitlist: boolean;
}

const FIELD_ORDER = ["firstName", "lastName", "email", "phone", "seats", "need", "consent", "website"];

interface Booked {
  status: "confirmed" | "waitlisted";
  manageToken: string;
  cancellationDeadlineHours: number;
  seats: number;
  title: string;
  startsAt: Date;
  durationMinutes: number;
  place: { name: string; address: string; postalCode: string; communeName: string };
  email: string;
  phone: string;
}

function BookingForm({
  sessionId,
  seatsLeft,
  retentionMonths,
  cancellationDeadlineHours,
  onBooked,
}: {
  sessionId: string;
  seatsLeft: number;
  retentionMonths: number;
  cancellationDeadlineHours: number;
  onBooked: (b: Booked) => void;
}) {
  const full = seatsLeft <= 0;
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [values, setValues] = useState<FormValues>({
    firstName: "",
    lastName: "",
    email: "",
    phone: "",
    seats: "1",
    need: "",
    consent: false,
    website: "",
    acceptWaitlist: true,
  });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);

  const book = useMutation(
    trpc.booking.book.mutationOptions({
      onSuccess: (res) => {
        void queryClient.invalidateQueries({ queryKey: trpc.booking.pathKey() });
        onBooked({
          status: res.status,
          manageToken: res.manageToken,
          cancellationDeadlineHours,
          seats: res.seats,
          title: res.session.title,
          startsAt: res.session.startsAt,
          durationMinutes: res.session.durationMinutes,
          place: res.session.place,
          email: values.email.trim(),
          phone: values.phone.trim(),
        });
      },
      onError: (error) => {
        const info = readApiError(error);
        setAttempt((n) => n + 1);
        if (Object.keys(info.fieldErrors).length > 0) {
          setErrors(info.fieldErrors);
          setFormError(null);
        } else {
          setErrors({});
          setFormError(info.message);
        }
        // Seats may have been taken meanwhile: show the current count.
        if (info.code === "CONFLICT") void queryClient.invalidateQueries({ queryKey: trpc.booking.session.queryKey({ id: sessionId }) });
      },
    }),
  );

  function set<K extends keyof FormValues>(key: K, value: FormValues[K]) {
    setValues((v) => ({ ...v, [key]: value }));
  }

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    setFormError(null);
    const parsed = bookingInput.safeParse({ ...values, sessionId, seats: Number(values.seats), acceptWaitlist: full || overflow || values.acceptWaitlist });
    if (!parsed.success) {
      setErrors(issuesToFieldErrors(parsed.error.issues));
      setAttempt((n) => n + 1);
      return;
    }
    setErrors({});
    book.mutate(parsed.data);
  }

  // A family bigger than the seats left is not turned away: it joins the waitlist as a whole
  // (the seats are not split), and is told so before sending.
  const seatOptions = Array.from({ length: MAX_SEATS_PER_BOOKING }, (_, i) => ({
    value: String(i + 1),
    label: countOf(i + 1, "place"),
  }));
  const overflow = !full && Number(values.seats) > seatsLeft;
  const seatsHint = full
    ? `Une place par personne qui vient (${MAX_SEATS_PER_BOOKING} au maximum).`
    : `Une place par personne qui vient (${MAX_SEATS_PER_BOOKING} au maximum). Il reste ${countOf(seatsLeft, "place libre", "places libres")} : au-delà, toute votre inscription passe sur la liste d'attente.`;
  const waitlistOnly = full || overflow;
  const summary = toSummary(errors, FIELD_ORDER);

  return (
    <section aria-labelledby="inscription">
      <h2 id="inscription">{full ? "Rejoindre la liste d'attente" : "S'inscrire"}</h2>
      <p>
        Tous les champs sont obligatoires sauf mention « facultatif ». Indiquez au moins une adresse e-mail ou un numéro
        de téléphone.
      </p>
      <ErrorSummary errors={summary} focusKey={attempt} />
      {formError ? (
        <Alert type="error" title="L'inscription n'a pas pu être enregistrée.">
          <p>{formError}</p>
        </Alert>
      ) : null}
      <form noValidate onSubmit={onSubmit}>
        <TextField
          label="Prénom"
          name="firstName"
          autoComplete="given-name"
          value={values.firstName}
          onChange={(e) => set("firstName", e.target.value)}
          error={errors.firstName}
        />
        <TextField
          label="Nom"
          name="lastName"
          autoComplete="family-name"
          value={values.lastName}
          onChange={(e) => set("lastName", e.target.value)}
          error={errors.lastName}
        />
        <TextField
          label="Adresse e-mail"
          name="email"
          type="email"
          autoComplete="email"
          inputMode="email"
          hint="Pour recevoir la confirmation et un rappel. Exemple : prenom.nom@exemple.fr"
          value={values.email}
          onChange={(e) => set("email", e.target.value)}
          error={errors.email}
        />
        <TextField
          label="Numéro de téléphone"
          name="phone"
          type="tel"
          autoComplete="tel"
          hint="Si vous n'avez pas d'adresse e-mail. Exemple : 06 12 34 56 78"
          value={values.phone}
          onChange={(e) => set("phone", e.target.value)}
          error={errors.phone}
        />
        <SelectField
          label="Nombre de places"
          name="seats"
          hint={seatsHint}
          options={seatOptions}
          value={values.seats}
          onChange={(e) => set("seats", e.target.value)}
          error={errors.seats}
        />
        <p role="status" className={overflow ? undefined : "mn-visually-hidden"}>
          {overflow
            ? `Il ne reste que ${countOf(seatsLeft, "place")} : avec ${countOf(Number(values.seats), "place")}, vous serez inscrits sur la liste d'attente, et prévenus dès que ${countOf(Number(values.seats), "place se libère", "places se libèrent")}.`
            : ""}
        </p>
        <TextArea
          label="Votre besoin ou votre question"
          name="need"
          optional
          hint="Par exemple : l'âge de vos enfants, un souci précis, un besoin d'accessibilité."
          value={values.need}
          onChange={(e) => set("need", e.target.value)}
          error={errors.need}
        />
        <CheckboxField
          name="consent"
          label="J'accepte que le Département utilise ces informations pour gérer mon inscription et me contacter au sujet de cet atelier."
          hint={`Elles ne sont transmises à personne d'autre et sont supprimées ${retentionMonths} mois après la séance.`}
          checked={values.consent}
          onChange={(e) => set("consent", e.target.checked)}
          error={errors.consent}
        />
        {waitlistOnly ? null : (
          <CheckboxField
            name="acceptWaitlist"
            label="Si les places viennent à manquer pendant que je remplis ce formulaire, m'inscrire sur la liste d'attente."
            optional
            checked={values.acceptWaitlist}
            onChange={(e) => set("acceptWaitlist", e.target.checked)}
          />
        )}
        {/* Honeypot: invisible to people and to assistive technologies, filled in by spam bots. */}
        <div className="mn-visually-hidden" aria-hidden="true">
          <label htmlFor="website">Ne pas remplir ce champ</label>
          <input
            id="website"
            name="website"
            type="text"
            tabIndex={-1}
            autoComplete="off"
            value={values.website}
            onChange={(e) => set("website", e.target.value)}
          />
        </div>
        <div className="mn-actions">
          <Button type="submit" loading={book.isPending} loadingLabel="Inscription en cours…">
            {waitlistOnly ? "M'inscrire sur la liste d'attente" : "Confirmer mon inscription"}
          </Button>
        </div>
      </form>
    </section>
  );
}

function Confirmation({ booked }: { booked: Booked }) {
  const waitlisted = booked.status === "waitlisted";
  const title = waitlisted ? "Inscription en liste d'attente" : "Inscription confirmée";
  useDocumentTitle(title, SITE);
  const headingRef = useFocusOnMount<HTMLHeadingElement>();
  const contact = [booked.email, booked.phone].filter(Boolean).join(" ou au ");
  return (
    <>
      <h1 tabIndex={-1} ref={headingRef}>
        {title}
      </h1>
      <Alert type="success" role="none">
        <p>
          {waitlisted
            ? `La séance est complète : vous êtes sur la liste d'attente. Nous vous prévenons si ${pluralWord(booked.seats, "une place se libère", "des places se libèrent")}.`
            : `${seatsReservedText(booked.seats)} Merci !`}
        </p>
      </Alert>
      <h2>Votre inscription</h2>
      <dl className="mn-details">
        <dt>Atelier</dt>
        <dd>{booked.title}</dd>
        <dt>Date</dt>
        <dd>
          {formatDateTime(booked.startsAt)} ({formatDuration(booked.durationMinutes)})
        </dd>
        <dt>Lieu</dt>
        <dd>
          {booked.place.name}
          <br />
          {booked.place.address}, {booked.place.postalCode} {booked.place.communeName}
        </dd>
        <dt>Places</dt>
        <dd>{countOf(booked.seats, "place")}</dd>
        <dt>Contact</dt>
        <dd>Nous vous contacterons {booked.email ? "à l'adresse " : "au "}{contact}.</dd>
      </dl>
      <h2>Modifier ou annuler</h2>
      <p>
        Gardez ce lien : il permet de voir votre inscription, de réduire le nombre de places ou de l'annuler (jusqu'à{" "}
        {booked.cancellationDeadlineHours} h avant la séance).
        {booked.email ? " L'e-mail de confirmation contient aussi un lien pour le faire." : ""}
      </p>
      <p className="mn-break">
        <Link href={`/inscription/${booked.manageToken}`}>Gérer mon inscription</Link>
        <br />
        <span className="mn-hint">{`${window.location.origin}/inscription/${booked.manageToken}`}</span>
      </p>
      <p>Si vous ne pouvez plus venir, prévenez-nous : {seatsFreedText(booked.seats, "pourra servir à une autre famille", "pourront servir à d'autres familles")}.</p>
      <p>
        <Link href="/">Voir les autres ateliers</Link>
      </p>
    </>
  );
}
