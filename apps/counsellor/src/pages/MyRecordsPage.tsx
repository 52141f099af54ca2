import { useEffect } from "react";
import { useQuery } from "@tanstack/react-query";
import { Link } from "wouter";
import { activityTypes, formatDate, formatDuration, locationTypes, mediationThemes } from "@medianum/domain";
import { Alert, EmptyState } from "@medianum/ui";
import { useTRPC } from "../trpc.js";
import { QueryState, Title, useFlash } from "../common.js";

export function MyRecordsPage() {
  const trpc = useTRPC();
  const records = useQuery(trpc.activity.mine.queryOptions({ limit: 50 }));
  const flash = useFlash();
  const { set: setFlash } = flash;
  // The message is for this visit only.
  useEffect(() => () => setFlash(null), [setFlash]);
  return (
    <>
      <Title title="Mes accompagnements" />
      <h1>Mes accompagnements</h1>
      {flash.message ? (
        <Alert type="success">
          <p>{flash.message}</p>
        </Alert>
      ) : null}
      <p>
        <Link href="/accompagnements/nouveau" className="mn-button mn-button--block">
          Saisir un accompagnement
        </Link>
      </p>
      <QueryState query={records} loadingLabel="Chargement de vos accompagnements…" errorTitle="Vos accompagnements n'ont pas pu être affichés.">
        {() =>
          records.data && records.data.length > 0 ? (
            <ul className="mn-card-list">
              {records.data.map((r) => (
                <li className="mn-card" key={r.id}>
                  <h2 className="mn-card__title">
                    {formatDate(r.date)}
                  </h2>
                  <p>
                    {activityTypes.label(r.type)} · {formatDuration(r.durationMinutes)}
                    {r.type === "Collectif" ? ` · ${r.participantsCount} participants` : ""}
                  </p>
                  <p>{r.themes.map((t) => mediationThemes.label(t)).join(", ")}</p>
                  <p>{r.placeName ?? locationTypes.label(r.locationType)}</p>
                </li>
              ))}
            </ul>
          ) : (
            <EmptyState title="Vous n'avez encore enregistré aucun accompagnement." />
          )
        }
      </QueryState>
    </>
  );
}
