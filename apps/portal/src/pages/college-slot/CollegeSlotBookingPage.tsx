import { useState } from "react";
import { useQuery } from "@tanstack/react-query";
import { Link, useSearch } from "wouter";
import { collegeTopics, formatDateTime, formatDuration, instantToParisDay } from "@medianum/domain";
import { Alert, Spinner, readApiError, useDocumentTitle } from "@medianum/ui";
import { useTRPC } from "@medianum/api-client";
import { COLLEGE_SITE } from "../college/common.js";
import { Acknowledgement, readPrefill, requestHref, RequestForm, type FormDone } from "../college/CollegeForm.js";

/** Booking one published slot: the request form's details, then the tracking link, status "Programmée". */
export default function CollegeSlotBookingPage({ id }: { id: string }) {
  const trpc = useTRPC();
  const search = useSearch();
  const [prefill] = useState(() => readPrefill(search));
  const [done, setDone] = useState<FormDone | null>(null);
  const slot = useQuery(trpc.collegeSlot.slot.queryOptions({ slotId: id }));
  const communes = useQuery(trpc.college.communes.queryOptions());
  useDocumentTitle(done ? "Créneau réservé" : "Réserver ce créneau", COLLEGE_SITE);

  if (done) return <Acknowledgement {...done} />;
  if (slot.isPending || communes.isPending) return <Spinner label="Chargement du créneau…" />;
  if (slot.isError || communes.isError) {
    const error = slot.error ?? communes.error;
    return (
      <>
        <h1>Réserver ce créneau</h1>
        <Alert type="error" title="Ce créneau n'a pas pu être chargé.">
          <p>{readApiError(error).message}</p>
        </Alert>
        <p>
          <Link href="/colleges/creneaux">Voir les créneaux proposés</Link> ou <Link href={requestHref(prefill)}>faire une demande de séance</Link>.
        </p>
      </>
    );
  }
  const s = slot.data;
  const day = instantToParisDay(s.startsAt);
  return (
    <>
      <p>
        <Link href={`/colleges/creneaux${prefill.communeInsee ? `?commune=${prefill.communeInsee}` : ""}`}>← Tous les créneaux</Link>
      </p>
      <h1>Réserver ce créneau</h1>
      <dl className="mn-details" aria-label="Le créneau">
        <dt>Date</dt>
        <dd>
          {formatDateTime(s.startsAt)} ({formatDuration(s.durationMinutes)})
        </dd>
        <dt>Sujets proposés</dt>
        <dd>{s.topics.map((t) => collegeTopics.label(t)).join(", ")}</dd>
        <dt>Collèges concernés</dt>
        <dd>{s.area}</dd>
        <dt>Places</dt>
        <dd>
          {s.classesLeft} classe{s.classesLeft > 1 ? "s" : ""} encore possible{s.classesLeft > 1 ? "s" : ""} sur {s.capacityClasses}
        </dd>
      </dl>
      {s.bookable ? (
        <>
          <p>La séance a lieu dans votre collège, avec les conseillers numériques du Département. Tous les champs sont obligatoires sauf mention « facultatif ».</p>
          <RequestForm communes={communes.data} onDone={setDone} slot={s} prefill={{ communeInsee: prefill.communeInsee }} />
        </>
      ) : (
        <>
          <Alert type="warning" title={s.classesLeft === 0 ? "Ce créneau est complet." : "Les réservations de ce créneau sont closes."}>
            <p>Faites une demande de séance : nous vous proposerons une date.</p>
          </Alert>
          <p>
            <Link className="mn-button" href={requestHref({ communeInsee: prefill.communeInsee, topics: s.topics, from: day, to: day })}>
              Faire une demande de séance
            </Link>
          </p>
        </>
      )}
    </>
  );
}
