import { useQuery } from "@tanstack/react-query";
import { computeMyFigures, formatCount, pluralWord, formatDateTime, formatHours, mediationThemes, type MyFiguresView, type PeriodFigures } from "@medianum/domain";
import { Spinner } from "@medianum/ui";
import { Title, todayIso } from "../common.js";
import { useTRPC } from "@medianum/api-client";
import { useDevice } from "../offline/device.js";
import { useLive } from "../offline/live.js";

/** This month and this year: from the server when it answers, otherwise from what the device holds. */
export function MyFiguresPage() {
  const trpc = useTRPC();
  const { db } = useDevice();
  const server = useQuery({ ...trpc.myFigures.get.queryOptions(), retry: false });
  const device = useLive(async () => computeMyFigures(await db.records.toArray(), todayIso(), "device", new Date()), [db]);
  const figures: MyFiguresView | undefined = server.data ?? (server.isPending && navigator.onLine ? undefined : device);
  return (
    <>
      <Title title="Mes chiffres" />
      <h1>Mes chiffres</h1>
      {!figures ? (
        <Spinner label="Calcul de vos chiffres…" />
      ) : (
        <>
          <p className="mn-hint">
            {figures.source === "server"
              ? `Calculés par le serveur le ${formatDateTime(figures.computedAt)}.`
              : "Calculés sur cet appareil, sans réseau : seules les saisies présentes sur l'appareil sont comptées."}
          </p>
          <Period title="Ce mois-ci" f={figures.thisMonth} />
          <Period title={`Cette année (${figures.year})`} f={figures.thisYear} />
        </>
      )}
    </>
  );
}

function Period({ title, f }: { title: string; f: PeriodFigures }) {
  return (
    <section aria-labelledby={`p-${title.length}`}>
      <h2 id={`p-${title.length}`}>{title}</h2>
      <ul className="mn-figures">
        <li>
          <Figure n={f.accompaniments} one="accompagnement" />
        </li>
        <li>
          <Figure n={f.people} one="personne" />
        </li>
        <li>
          <Figure n={f.workshops} one="atelier" />
        </li>
        <li>
          <strong>{formatHours(f.minutes)}</strong> <span>d'activité</span>
        </li>
      </ul>
      {f.topThemes.length ? (
        <>
          <h3>Thématiques les plus fréquentes</h3>
          <ol>
            {f.topThemes.map((t) => (
              <li key={t.theme}>
                {mediationThemes.label(t.theme)} ({t.count})
              </li>
            ))}
          </ol>
        </>
      ) : null}
    </section>
  );
}

/** "12 accompagnements": the count big, the word that agrees with it beside it. */
function Figure({ n, one }: { n: number; one: string }) {
  return (
    <>
      <strong>{formatCount(n)}</strong> <span>{pluralWord(n, one)}</span>
    </>
  );
}
