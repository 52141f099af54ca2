import { useEffect, useState } from "react";
import { Link } from "wouter";
import { formatDate, formatDateTime, formatDuration, formatTime, parisMidnight, parisToday } from "@medianum/domain";
import { Badge, EmptyState, Spinner } from "@medianum/ui";
import { Title } from "../common.js";
import { useDevice } from "../offline/device.js";
import { getMeta } from "../offline/db.js";
import { useLive } from "../offline/live.js";
import { checkInOffer, type CheckInOffer } from "../offline/check-in.js";

/** My next weeks, as last fetched: readable with no network. */
export function AgendaPage() {
  const { db } = useDevice();
  const agenda = useLive(async () => {
    // From the start of today in Paris (not in the phone's zone): a session of this morning stays in view all day.
    const startOfToday = parisMidnight(parisToday(new Date()));
    const items = (await db.agenda.orderBy("startsAt").toArray()).filter((i) => i.startsAt >= startOfToday);
    const sheets = new Map((await db.sheets.toArray()).map((s) => [s.sessionId, s]));
    return { items, sheets, at: (await getMeta<number>(db, "snapshotAt")) ?? null };
  }, [db]);
  const now = useNow();
  return (
    <>
      <Title title="Mon agenda" />
      <h1>Mon agenda</h1>
      <p>
        <Link href="/accompagnements/nouveau" className="mn-button mn-button--block">
          Saisir un accompagnement
        </Link>
      </p>
      {agenda?.at ? <p className="mn-hint">Mis à jour le {formatDateTime(new Date(agenda.at))}.</p> : null}
      {!agenda ? (
        <Spinner label="Chargement de l'agenda…" />
      ) : (
        (() => {
          const items = agenda.items;
          if (items.length === 0) {
            return (
              <EmptyState title="Rien de prévu pour le moment.">
                <p>
                  {agenda.at
                    ? "Les ateliers et les séances en collège qui vous sont confiés apparaîtront ici."
                    : "Votre agenda arrivera sur cet appareil à la prochaine connexion au réseau."}
                </p>
              </EmptyState>
            );
          }
          // Group by calendar day, in the order given (the API sorts by start time).
          const days: Array<{ day: string; items: typeof items }> = [];
          for (const item of items) {
            const day = formatDate(item.startsAt);
            const last = days[days.length - 1];
            if (last && last.day === day) last.items.push(item);
            else days.push({ day, items: [item] });
          }
          return days.map((d) => (
            <section key={d.day} aria-labelledby={`jour-${d.day.replace(/\W+/g, "-")}`}>
              <h2 id={`jour-${d.day.replace(/\W+/g, "-")}`}>{d.day.charAt(0).toUpperCase() + d.day.slice(1)}</h2>
              <ul className="mn-card-list">
                {d.items.map((item) => (
                  <li className="mn-card" key={`${item.kind}-${item.id}`}>
                    <p>
                      <strong>
                        {formatTime(item.startsAt)} · {formatDuration(item.durationMinutes)}
                      </strong>{" "}
                      <Badge tone={item.kind === "college" ? "info" : "neutral"}>
                        {item.kind === "college" ? "Collège" : "Atelier"}
                      </Badge>
                    </p>
                    <h3 className="mn-card__title">
                      {/* A collège session opens its detail: address, contact, and the report after it. */}
                      {item.kind === "college" ? <Link href={`/colleges/${item.id}`}>{item.title}</Link> : item.title}
                    </h3>
                    {item.place ? (
                      <p>
                        {item.place.name}
                        <br />
                        {item.place.address}, {item.place.communeName}
                      </p>
                    ) : (
                      <p>Lieu à préciser</p>
                    )}
                    {item.detail ? <p>{item.detail}</p> : null}
                    {item.kind === "workshop" ? <CheckInAction item={item} offer={checkInOffer(item.startsAt, agenda.sheets.get(item.id), now)} /> : null}
                  </li>
                ))}
              </ul>
            </section>
          ));
        })()
      )}
    </>
  );
}

/** The check-in link when a tap on it can work now; otherwise, in words, when it will. */
function CheckInAction({ item, offer }: { item: { id: string; title: string }; offer: CheckInOffer }) {
  if (!offer.can) return <p className="mn-hint">{offer.text}</p>;
  return (
    <p>
      <Link href={`/seances/${item.id}/presences`}>
        Pointer les présences<span className="mn-visually-hidden"> : {item.title}</span>
      </Link>
    </p>
  );
}

/** The time, moved on every minute: a check-in opens while the agenda is on screen. */
function useNow(everyMs = 60_000): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const t = setInterval(() => setNow(new Date()), everyMs);
    return () => clearInterval(t);
  }, [everyMs]);
  return now;
}
