import { useQuery } from "@tanstack/react-query";
import { Link } from "wouter";
import { formatDate, formatDuration, formatTime } from "@medianum/domain";
import { Badge, EmptyState } from "@medianum/ui";
import { useTRPC } from "../trpc.js";
import { QueryState, Title } from "../common.js";

export function AgendaPage() {
  const trpc = useTRPC();
  const agenda = useQuery(trpc.agenda.mine.queryOptions({}));
  return (
    <>
      <Title title="Mon agenda" />
      <h1>Mon agenda</h1>
      <p>
        <Link href="/accompagnements/nouveau" className="mn-button mn-button--block">
          Saisir un accompagnement
        </Link>
      </p>
      <QueryState query={agenda} loadingLabel="Chargement de l'agenda…" errorTitle="L'agenda n'a pas pu être affiché.">
        {() => {
          const items = agenda.data ?? [];
          if (items.length === 0) {
            return (
              <EmptyState title="Rien de prévu pour le moment.">
                <p>Les ateliers et les séances en collège qui vous sont confiés apparaîtront ici.</p>
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
                    <h3 className="mn-card__title">{item.title}</h3>
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
                  </li>
                ))}
              </ul>
            </section>
          ));
        }}
      </QueryState>
    </>
  );
}
