import { Link } from "wouter";
import { directoryMapLinks, formatOpeningHours, placeServices, type DirectoryEntry } from "@medianum/domain";
import { EmptyState, Spinner, VisuallyHidden } from "@medianum/ui";
import { Title } from "../common.js";
import { useDevice } from "../offline/device.js";
import { useLive } from "../offline/live.js";

/**
 * One place or partner of the orientation directory, read from the device only: it opens with
 * no network, from the directory downloaded at the last sync. Everything a counsellor needs to
 * send a person there: hours, services, access, contact and where it is.
 */
export function DirectoryPlacePage({ id }: { id: string }) {
  const { db } = useDevice();
  const found = useLive(async () => ({ entry: (await db.directory.get(id)) ?? null }), [db, id]);
  const e = found?.entry ?? null;
  return (
    <>
      <Title title={e ? e.name : "Annuaire d'orientation"} />
      <p>
        <Link href="/annuaire">← Annuaire d'orientation</Link>
      </p>
      {!found ? (
        <Spinner />
      ) : !e ? (
        <EmptyState title="Ce lieu n'est pas dans l'annuaire de cet appareil.">
          <p>Il a pu être retiré du réseau, ou l'annuaire n'est pas encore téléchargé : il le sera à la prochaine connexion.</p>
        </EmptyState>
      ) : (
        <Place e={e} />
      )}
    </>
  );
}

function Place({ e }: { e: DirectoryEntry }) {
  const address = [e.address, [e.postalCode, e.communeName].filter(Boolean).join(" ")].filter(Boolean).join(", ");
  const map = directoryMapLinks(e);
  const hours = e.openingHours.length ? formatOpeningHours(e.openingHours).split(" ; ") : [];
  return (
    <article aria-labelledby="lieu-nom">
      <h1 id="lieu-nom">{e.name}</h1>
      <p>{e.kindLabel}</p>
      {e.description ? <p>{e.description}</p> : null}

      <h2>Horaires</h2>
      {hours.length ? (
        <ul>
          {hours.map((h) => (
            <li key={h}>{h}</li>
          ))}
        </ul>
      ) : (
        <p>Horaires non renseignés : appelez avant d'y envoyer quelqu'un.</p>
      )}

      <h2>Services</h2>
      {e.services.length ? (
        <ul>
          {e.services.map((s) => (
            <li key={s}>{placeServices.label(s)}</li>
          ))}
        </ul>
      ) : (
        <p>Services non renseignés.</p>
      )}

      <h2>Accès</h2>
      {address ? <p>{address}</p> : <p>Adresse non renseignée.</p>}
      {e.accessInfo ? <p>{e.accessInfo}</p> : null}
      {map.geo || map.osm ? (
        <ul>
          {map.geo ? (
            <li>
              <a href={map.geo}>Ouvrir dans l'application de cartes</a>
            </li>
          ) : null}
          {map.osm ? (
            <li>
              <a href={map.osm} target="_blank" rel="noopener noreferrer">
                Voir sur OpenStreetMap<VisuallyHidden> (nouvel onglet, demande le réseau)</VisuallyHidden>
              </a>
            </li>
          ) : null}
        </ul>
      ) : null}

      <h2>Contact</h2>
      {e.phone || e.email || e.website ? (
        <ul>
          {e.phone ? (
            <li>
              Téléphone : <a href={`tel:${e.phone.replace(/\s/g, "")}`}>{e.phone}</a>
            </li>
          ) : null}
          {e.email ? (
            <li>
              E-mail : <a href={`mailto:${e.email}`}>{e.email}</a>
            </li>
          ) : null}
          {e.website ? (
            <li>
              Site : <a href={e.website}>{e.website.replace(/^https?:\/\//, "")}</a>
            </li>
          ) : null}
        </ul>
      ) : (
        <p>Aucun contact renseigné.</p>
      )}
    </article>
  );
}
