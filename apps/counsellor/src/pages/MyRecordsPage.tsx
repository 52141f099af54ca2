import { Link } from "wouter";
import { activityTypes, countOf, formatDay, formatDuration, locationTypes, mediationThemes } from "@medianum/domain";
import { Alert, Badge, EmptyState, Spinner } from "@medianum/ui";
import { Title, useFlash } from "../common.js";
import { useDevice } from "../offline/device.js";
import { useLive } from "../offline/live.js";

const SHOWN = 100;

/** My records as kept on the device (the server's and those typed here), newest first. */
export function MyRecordsPage() {
  const { db } = useDevice();
  const records = useLive(
    async () => (await db.records.toArray()).sort((a, b) => b.date.localeCompare(a.date) || b.localUpdatedAt - a.localUpdatedAt).slice(0, SHOWN),
    [db],
  );
  const flash = useFlash();
  return (
    <>
      <Title title="Mes accompagnements" />
      <h1>Mes accompagnements</h1>
      {flash.message ? (
        <Alert type="success">
          <p>{flash.message}</p>
        </Alert>
      ) : null}
      <p className="mn-actions">
        <Link href="/accompagnements/nouveau" className="mn-button mn-button--block">
          Saisir un accompagnement
        </Link>
        <Link href="/ateliers/nouveau" className="mn-button mn-button--secondary mn-button--block">
          Saisir un atelier collectif
        </Link>
      </p>
      {!records ? (
        <Spinner label="Chargement de vos accompagnements…" />
      ) : records.length === 0 ? (
        <EmptyState title="Vous n'avez encore enregistré aucun accompagnement." />
      ) : (
        <ul className="mn-card-list">
          {records.map((r) => {
            const path = r.type === "Collectif" ? "/ateliers" : "/accompagnements";
            return (
              <li className="mn-card" key={r.id}>
                <h2 className="mn-card__title">
                  {formatDay(r.date)}
                  {r.syncState === "pending" ? (
                    <>
                      {" "}
                      <Badge tone="warning">En attente d'envoi</Badge>
                    </>
                  ) : r.syncState === "problem" ? (
                    <>
                      {" "}
                      <Badge tone="danger">À corriger</Badge>
                    </>
                  ) : null}
                </h2>
                <p>
                  {r.type === "Collectif" && r.workshopTitle ? `${r.workshopTitle} · ` : `${activityTypes.label(r.type)} · `}
                  {formatDuration(r.durationMinutes)}
                  {r.type === "Collectif" ? ` · ${countOf(r.participantsCount, "participant")}` : ""}
                </p>
                <p>{r.themes.map((t) => mediationThemes.label(t)).join(", ")}</p>
                <p>{r.placeName ?? locationTypes.label(r.locationType)}</p>
                <p className="mn-actions">
                  <Link href={`${path}/${r.id}/modifier`}>
                    Modifier<span className="mn-visually-hidden"> l'enregistrement du {formatDay(r.date)}</span>
                  </Link>
                  <Link href={`${path}/nouveau?depuis=${r.id}`}>
                    Dupliquer<span className="mn-visually-hidden"> l'enregistrement du {formatDay(r.date)}</span>
                  </Link>
                  {r.type === "Collectif" ? (
                    <Link href={`/ateliers/${r.id}/avis`}>
                      QR code d'avis<span className="mn-visually-hidden"> de l'atelier du {formatDay(r.date)}</span>
                    </Link>
                  ) : null}
                </p>
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}
