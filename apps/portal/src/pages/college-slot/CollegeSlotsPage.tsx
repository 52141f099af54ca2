import { useState } from "react";
import { useQuery } from "@tanstack/react-query";
import { Link, useSearch } from "wouter";
import { collegeTopics, formatDateTime, formatDay, formatDuration, instantToParisDay, type PublicSlotView } from "@medianum/domain";
import { Alert, Badge, Button, SelectField, Spinner, TextField, readApiError, useDocumentTitle } from "@medianum/ui";
import { useTRPC } from "@medianum/api-client";
import { COLLEGE_SITE } from "../college/common.js";
import { requestHref } from "../college/CollegeForm.js";

/**
 * The slots the coordination published, for a collège to book at once: chosen by its commune
 * (a slot serves some communes, intercommunalités, or the whole département), a topic and a day.
 */
export default function CollegeSlotsPage() {
  useDocumentTitle("Réserver un créneau", COLLEGE_SITE);
  const trpc = useTRPC();
  const search = useSearch();
  const communes = useQuery(trpc.college.communes.queryOptions());
  const [commune, setCommune] = useState(() => new URLSearchParams(search).get("commune") ?? "");
  const [topic, setTopic] = useState("");
  const [from, setFrom] = useState("");
  const valid = /^(\d{5}|2[AB]\d{3})$/.test(commune);
  const slots = useQuery({
    ...trpc.collegeSlot.search.queryOptions({
      communeInsee: valid ? commune : "00000",
      ...(collegeTopics.has(topic) ? { topic } : {}),
      ...(/^\d{4}-\d{2}-\d{2}$/.test(from) ? { from } : {}),
    }),
    enabled: valid,
  });

  return (
    <>
      <h1>Réserver un créneau</h1>
      <p className="mn-lead">
        Les conseillers numériques du Département proposent ces dates pour des séances de sensibilisation dans votre collège. Réservez-en une : la séance est programmée
        tout de suite.
      </p>
      <p>
        Aucune date ne convient ? <Link href={requestHref({ communeInsee: valid ? commune : undefined, topics: collegeTopics.has(topic) ? [topic] : undefined })}>Faites une demande de séance</Link>, nous vous proposerons une date.
      </p>
      {communes.isPending ? (
        <Spinner label="Chargement des communes…" />
      ) : communes.isError ? (
        <Alert type="error" title="La liste des communes n'a pas pu être chargée.">
          <p>{readApiError(communes.error).message}</p>
          <Button variant="secondary" size="small" onClick={() => void communes.refetch()}>
            Réessayer
          </Button>
        </Alert>
      ) : (
        <form aria-label="Chercher un créneau" onSubmit={(e) => e.preventDefault()}>
          <SelectField
            label="Commune du collège"
            name="commune"
            placeholder="Choisissez la commune"
            options={communes.data.map((c) => ({ value: c.inseeCode, label: c.postalCode ? `${c.name} (${c.postalCode})` : c.name }))}
            value={commune}
            onChange={(e) => setCommune(e.target.value)}
          />
          <SelectField
            label="Sujet"
            name="topic"
            optional
            placeholder="Tous les sujets"
            options={collegeTopics.items.map((t) => ({ value: t.value, label: t.label }))}
            value={topic}
            onChange={(e) => setTopic(e.target.value)}
          />
          <TextField label="À partir du" name="from" type="date" short optional value={from} onChange={(e) => setFrom(e.target.value)} />
        </form>
      )}
      <section aria-labelledby="creneaux" aria-live="polite">
        <h2 id="creneaux">Créneaux</h2>
        {!valid ? (
          <p>Choisissez la commune du collège pour voir les créneaux proposés.</p>
        ) : slots.isPending ? (
          <Spinner label="Recherche des créneaux…" />
        ) : slots.isError ? (
          <Alert type="error" title="Les créneaux n'ont pas pu être chargés.">
            <p>{readApiError(slots.error).message}</p>
          </Alert>
        ) : slots.data.length === 0 ? (
          <p>
            Aucun créneau publié pour cette commune{topic ? " sur ce sujet" : ""}. <Link href={requestHref({ communeInsee: commune, topics: topic ? [topic] : undefined })}>Faites une demande de séance</Link>.
          </p>
        ) : (
          <ul className="mn-card-list" aria-label="Créneaux proposés">
            {slots.data.map((s) => (
              <SlotItem key={s.id} slot={s} commune={commune} />
            ))}
          </ul>
        )}
      </section>
    </>
  );
}

function SlotItem({ slot, commune }: { slot: PublicSlotView; commune: string }) {
  const day = instantToParisDay(slot.startsAt);
  return (
    <li className="mn-card">
      <h3>
        {formatDateTime(slot.startsAt)} <span className="mn-visually-hidden">,</span>({formatDuration(slot.durationMinutes)})
      </h3>
      <p>Sujets : {slot.topics.map((t) => collegeTopics.label(t)).join(", ")}</p>
      <p>
        {slot.bookable ? (
          `${slot.classesLeft} classe${slot.classesLeft > 1 ? "s" : ""} encore possible${slot.classesLeft > 1 ? "s" : ""} sur ${slot.capacityClasses}`
        ) : slot.classesLeft === 0 ? (
          <Badge tone="neutral">Complet</Badge>
        ) : (
          <Badge tone="neutral">Réservations closes</Badge>
        )}
        {slot.bookable && slot.bookingClosesAt ? ` — réservation jusqu'au ${formatDay(instantToParisDay(new Date(slot.bookingClosesAt.getTime() - 1)))} inclus` : null}
      </p>
      <p>
        {slot.bookable ? (
          <Link className="mn-button" href={`/colleges/creneaux/${slot.id}?commune=${commune}`}>
            Réserver<span className="mn-visually-hidden"> le créneau du {formatDateTime(slot.startsAt)}</span>
          </Link>
        ) : (
          <Link href={requestHref({ communeInsee: commune, topics: slot.topics, from: day, to: day })}>
            Demander une séance<span className="mn-visually-hidden"> autour du {formatDateTime(slot.startsAt)}</span>
          </Link>
        )}
      </p>
    </li>
  );
}
