import { useState } from "react";
import { useQuery } from "@tanstack/react-query";
import { Link } from "wouter";
import { collegeTopics, dayToDateColumn, fillRate, formatDay, instantToParisDay, type SlotFiguresView } from "@medianum/domain";
import { DataTable, TextField } from "@medianum/ui";
import { useTRPC } from "@medianum/api-client";
import { formatIsoDay, QueryState, Title } from "./common.js";

const monthFormat = new Intl.DateTimeFormat("fr-FR", { month: "long", year: "numeric", timeZone: "UTC" });
const dayFormat = new Intl.DateTimeFormat("fr-FR", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
const ISO = /^\d{4}-\d{2}-\d{2}$/;

/** Collège sessions delivered (reported by the counsellors) over a range; by default the school year. */
export function CollegeFiguresPage() {
  const trpc = useTRPC();
  const [from, setFrom] = useState("");
  const [to, setTo] = useState("");
  const figures = useQuery(trpc.college.figures.queryOptions({ ...(ISO.test(from) ? { from } : {}), ...(ISO.test(to) ? { to } : {}) }));
  const f = figures.data;
  const range = { ...(ISO.test(from) ? { from } : {}), ...(ISO.test(to) ? { to } : {}) };
  const slots = useQuery(trpc.collegeSlot.figures.queryOptions(range));
  return (
    <>
      <Title title="Chiffres des séances en collège" />
      <p>
        <Link href="/demandes">← Demandes des collèges</Link>
      </p>
      <h1>Chiffres des séances en collège</h1>
      <p>Séances réalisées, d'après les comptes rendus des conseillers. Par défaut : l'année scolaire en cours.</p>
      <form aria-label="Période" style={{ display: "flex", flexWrap: "wrap", gap: "0 1.5rem" }} onSubmit={(e) => e.preventDefault()}>
        <TextField label="Du" name="from" type="date" short value={from} onChange={(e) => setFrom(e.target.value)} />
        <TextField label="Au" name="to" type="date" short value={to} onChange={(e) => setTo(e.target.value)} />
      </form>
      <QueryState query={figures} loadingLabel="Calcul des chiffres…" errorTitle="Les chiffres n'ont pas pu être calculés.">
        {() =>
          f ? (
            <>
              <h2>
                Du {formatIsoDay(f.from, (d) => dayFormat.format(d))} au {formatIsoDay(f.to, (d) => dayFormat.format(d))}
              </h2>
              <dl className="mn-details" aria-label="Totaux">
                <dt>Collèges touchés</dt>
                <dd>{f.totals.colleges}</dd>
                <dt>Séances réalisées</dt>
                <dd>{f.totals.sessions}</dd>
                <dt>Élèves sensibilisés</dt>
                <dd>{f.totals.pupils}</dd>
              </dl>
              <DataTable
                caption="Par sujet abordé (une séance sur deux sujets compte pour chacun)"
                rows={f.byTopic}
                rowKey={(r) => r.topic}
                columns={[
                  { key: "topic", header: "Sujet", rowHeader: true, render: (r) => collegeTopics.label(r.topic) },
                  { key: "colleges", header: "Collèges", render: (r) => r.colleges },
                  { key: "sessions", header: "Séances", render: (r) => r.sessions },
                  { key: "pupils", header: "Élèves", render: (r) => r.pupils },
                ]}
              />
              <DataTable
                caption="Par mois"
                rows={f.byMonth}
                rowKey={(r) => r.month}
                columns={[
                  { key: "month", header: "Mois", rowHeader: true, render: (r) => monthFormat.format(dayToDateColumn(`${r.month}-15`)) },
                  { key: "colleges", header: "Collèges", render: (r) => r.colleges },
                  { key: "sessions", header: "Séances", render: (r) => r.sessions },
                  { key: "pupils", header: "Élèves", render: (r) => r.pupils },
                ]}
              />
              {f.totals.sessions === 0 ? <p>Aucune séance réalisée sur cette période.</p> : null}
            </>
          ) : null
        }
      </QueryState>
      <QueryState query={slots} loadingLabel="Calcul du remplissage des créneaux…" errorTitle="Le remplissage des créneaux n'a pas pu être calculé.">
        {() => (slots.data ? <SlotFigures s={slots.data} /> : null)}
      </QueryState>
    </>
  );
}


const rate = (r: { capacityClasses: number; bookedClasses: number }) => {
  const p = fillRate(r);
  return p === null ? "—" : `${p} %`;
};

/** Published slots: classes booked out of classes offered, and the collèges to go towards. */
function SlotFigures({ s }: { s: SlotFiguresView }) {
  const fillColumns = [
    { key: "slots", header: "Créneaux", render: (r: { slots: number }) => r.slots },
    { key: "offered", header: "Classes offertes", render: (r: { capacityClasses: number }) => r.capacityClasses },
    { key: "booked", header: "Classes réservées", render: (r: { bookedClasses: number }) => r.bookedClasses },
    { key: "rate", header: "Remplissage", render: (r: { capacityClasses: number; bookedClasses: number }) => rate(r) },
  ];
  return (
    <section aria-labelledby="remplissage">
      <h2 id="remplissage">Remplissage des créneaux publiés</h2>
      <p>
        {s.totals.slots === 0
          ? "Aucun créneau publié sur cette période."
          : `${s.totals.bookedClasses} classes réservées sur ${s.totals.capacityClasses} offertes (${rate(s.totals)}), sur ${s.totals.slots} créneaux.`}{" "}
        <Link href="/creneaux-colleges">Publier des créneaux</Link>
      </p>
      {s.byMonth.length > 0 ? (
        <DataTable
          caption="Remplissage par mois"
          rows={s.byMonth}
          rowKey={(r) => r.month}
          columns={[{ key: "month", header: "Mois", rowHeader: true, render: (r) => monthFormat.format(dayToDateColumn(`${r.month}-15`)) }, ...fillColumns]}
        />
      ) : null}
      {s.byTerritory.length > 0 ? (
        <DataTable
          caption="Remplissage par territoire servi"
          rows={s.byTerritory}
          rowKey={(r) => r.territory}
          columns={[{ key: "territory", header: "Territoire", rowHeader: true, render: (r) => r.territory }, ...fillColumns]}
        />
      ) : null}
      <h2 id="a-contacter">Collèges sans réservation ni demande sur la période</h2>
      <p>
        Collèges déjà connus (ils ont réservé ou demandé une séance un jour) qui n'ont rien réservé ni demandé sur cette période : l'équipe peut aller vers eux. La liste
        officielle des collèges du département n'est pas chargée dans Médianum.
      </p>
      {s.notReached.length === 0 ? (
        <p>Tous les collèges connus ont réservé ou demandé une séance sur cette période.</p>
      ) : (
        <DataTable
          caption="Collèges à contacter"
          rows={s.notReached}
          rowKey={(r) => r.uai}
          columns={[
            { key: "name", header: "Collège", rowHeader: true, render: (r) => r.establishmentName },
            { key: "commune", header: "Commune", render: (r) => r.communeName },
            { key: "uai", header: "UAI", render: (r) => r.uai },
            { key: "last", header: "Dernière demande", render: (r) => (r.lastContactAt ? formatDay(instantToParisDay(r.lastContactAt)) : "—") },
          ]}
        />
      )}
    </section>
  );
}
