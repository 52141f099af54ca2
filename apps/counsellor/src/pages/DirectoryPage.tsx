import { useState } from "react";
import { Link } from "wouter";
import { countOf, formatOpeningHours, placeServices, searchDirectory } from "@medianum/domain";
import { EmptyState, SelectField, Spinner, TextField } from "@medianum/ui";
import { Title } from "../common.js";
import { useDevice } from "../offline/device.js";
import { useLive } from "../offline/live.js";

/** "Who does what where", searchable offline by commune and service, to orient a person on the spot. */
export function DirectoryPage() {
  const { db } = useDevice();
  const entries = useLive(() => db.directory.toArray(), [db]);
  const [commune, setCommune] = useState("");
  const [service, setService] = useState("");
  const [text, setText] = useState("");
  const found = entries ? searchDirectory(entries, { commune, service, text }) : [];
  return (
    <>
      <Title title="Annuaire d'orientation" />
      <h1>Annuaire d'orientation</h1>
      <p>Lieux et partenaires du réseau, consultables sans réseau.</p>
      <form role="search" aria-label="Rechercher dans l'annuaire" onSubmit={(e) => e.preventDefault()}>
        <TextField label="Commune ou code postal" name="commune" optional value={commune} onChange={(e) => setCommune(e.target.value)} />
        <SelectField label="Service" name="service" optional placeholder="Tous les services" options={placeServices.items} value={service} onChange={(e) => setService(e.target.value)} />
        <TextField label="Mots-clés" name="text" optional hint="Par exemple : France services, CCAS, médiathèque." value={text} onChange={(e) => setText(e.target.value)} />
      </form>
      {!entries ? (
        <Spinner />
      ) : entries.length === 0 ? (
        <EmptyState title="L'annuaire n'est pas encore sur cet appareil.">
          <p>Il arrivera à la prochaine connexion au réseau.</p>
        </EmptyState>
      ) : (
        <>
          <p role="status">
            {countOf(found.length, "résultat")}
          </p>
          <ul className="mn-card-list">
            {found.map((e) => (
              <li className="mn-card" key={e.id}>
                <h2 className="mn-card__title">
                  <Link href={`/annuaire/${e.id}`}>{e.name}</Link>
                </h2>
                <p>{e.kindLabel}</p>
                {e.address || e.communeName ? (
                  <p>
                    {[e.address, [e.postalCode, e.communeName].filter(Boolean).join(" ")].filter(Boolean).join(", ")}
                  </p>
                ) : null}
                {e.phone ? (
                  <p>
                    Téléphone : <a href={`tel:${e.phone.replace(/\s/g, "")}`}>{e.phone}</a>
                  </p>
                ) : null}
                {e.email ? <p>E-mail : {e.email}</p> : null}
                {e.openingHours.length ? <p>Horaires : {formatOpeningHours(e.openingHours)}</p> : null}
                {e.services.length ? <p>Services : {e.services.map((s) => placeServices.label(s)).join(", ")}</p> : null}
                {e.accessInfo ? <p>{e.accessInfo}</p> : null}
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}
