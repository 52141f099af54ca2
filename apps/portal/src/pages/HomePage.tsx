import { useQuery } from "@tanstack/react-query";
import { Link } from "wouter";
import { formatDateTime, formatDuration, seatsLeftLabel } from "@medianum/domain";
import { Alert, Badge, Button, EmptyState, Spinner, readApiError, useDocumentTitle, VisuallyHidden } from "@medianum/ui";
import { useTRPC } from "../trpc.js";

export function HomePage() {
  useDocumentTitle("Ateliers e-parentalité — inscription gratuite");
  const trpc = useTRPC();
  const sessions = useQuery(trpc.booking.upcomingSessions.queryOptions({}));

  return (
    <>
      <h1>Ateliers e-parentalité à venir</h1>
      <p className="mn-lead">
        Écrans à la maison, réseaux sociaux, cyberharcèlement, Pronote et ÉduConnect : des ateliers gratuits, près de chez
        vous, pour accompagner vos enfants dans le numérique.
      </p>

      {sessions.isPending ? (
        <Spinner label="Chargement des ateliers…" />
      ) : sessions.isError ? (
        <Alert type="error" title="Les ateliers n'ont pas pu être affichés.">
          <p>{readApiError(sessions.error).message}</p>
          <Button variant="secondary" size="small" onClick={() => void sessions.refetch()}>
            Réessayer
          </Button>
        </Alert>
      ) : sessions.data.length === 0 ? (
        <EmptyState title="Aucun atelier n'est programmé pour le moment.">
          <p>De nouvelles dates sont ajoutées régulièrement : revenez bientôt.</p>
        </EmptyState>
      ) : (
        <>
          <h2 className="mn-visually-hidden">
            {sessions.data.length === 1 ? "1 séance" : `${sessions.data.length} séances`}
          </h2>
          <ul className="mn-card-list">
            {sessions.data.map((s) => {
              const full = s.seatsLeft <= 0;
              const when = formatDateTime(s.startsAt);
              return (
                <li className="mn-card" key={s.id}>
                  <h3 className="mn-card__title">{s.title}</h3>
                  <p>
                    <strong>{when}</strong>
                    <br />
                    Durée : {formatDuration(s.durationMinutes)}
                  </p>
                  <p>
                    {s.place.name}
                    <br />
                    {s.place.address}, {s.place.postalCode} {s.place.communeName}
                  </p>
                  <p>
                    <Badge tone={full ? "danger" : s.seatsLeft <= 3 ? "warning" : "success"}>{seatsLeftLabel(s.seatsLeft)}</Badge>
                  </p>
                  <p className="mn-card__footer">
                    <Link href={`/seances/${s.id}`} className={full ? undefined : "mn-button mn-button--block"}>
                      {full ? "Voir le détail" : "S'inscrire"}
                      <VisuallyHidden>{` : ${s.title}, ${when}`}</VisuallyHidden>
                    </Link>
                  </p>
                </li>
              );
            })}
          </ul>
        </>
      )}
    </>
  );
}
