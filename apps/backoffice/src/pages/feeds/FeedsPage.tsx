import { useState } from "react";
import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "@medianum/api-client";
import { workshopThemes } from "@medianum/domain";
import { Alert, Button, NumberField, SelectField, TextArea } from "@medianum/ui";
import { Title } from "../common.js";

/** Where the portal is: the back-office is served by the same server (apps/server). */
const ORIGIN = typeof window === "undefined" ? "" : window.location.origin;

interface Choice {
  commune: string;
  epci: string;
  theme: string;
  height: number | null;
}

function query(c: Choice): string {
  const q = new URLSearchParams();
  if (c.commune) q.set("commune", c.commune);
  else if (c.epci) q.set("epci", c.epci);
  if (c.theme) q.set("theme", c.theme);
  const s = q.toString();
  return s ? `?${s}` : "";
}

/**
 * Partners (collèges, mairies, centres sociaux) show the catalogue on their own site: the code of
 * the frame to paste, the calendar to subscribe to, the open-data files. Only the sites the
 * operator declared (EMBED_ALLOWED_ORIGINS) may show the frame: the page says so.
 */
export function FeedsPage() {
  const trpc = useTRPC();
  const communes = useQuery(trpc.booking.communes.queryOptions());
  const options = useQuery(trpc.booking.filterOptions.queryOptions());
  const [choice, setChoice] = useState<Choice>({ commune: "", epci: "", theme: "", height: 600 });
  const [copy, setCopy] = useState<"copied" | "failed" | null>(null);
  const height = Math.min(Math.max(choice.height ?? 600, 200), 3000);
  const embedUrl = `${ORIGIN}/integration${query(choice)}`;
  const snippet = `<iframe src="${embedUrl}" title="Ateliers e-parentalité du Département" width="100%" height="${height}" style="border:0;max-width:100%" loading="lazy"></iframe>`;
  const feed = (format: string) => `${ORIGIN}/api/feeds/ateliers.${format}${query({ ...choice, height: null })}`;

  async function copySnippet() {
    try {
      await navigator.clipboard.writeText(snippet);
      setCopy("copied");
    } catch {
      (document.getElementById("embed-snippet") as HTMLTextAreaElement | null)?.select();
      setCopy("failed");
    }
  }
  const set = (patch: Partial<Choice>) => {
    setChoice((c) => ({ ...c, ...patch }));
    setCopy(null);
  };

  return (
    <>
      <Title title="Diffusion du catalogue" />
      <h1>Diffusion du catalogue</h1>
      <p>
        Les collèges, mairies et centres sociaux peuvent afficher les ateliers à venir sur leur propre site, s'abonner à leur agenda ou reprendre la liste
        (données ouvertes). Choisissez ce qu'ils montreront, puis transmettez-leur le code ou les adresses ci-dessous.
      </p>
      <form onSubmit={(e) => e.preventDefault()} aria-label="Ateliers à montrer">
        <SelectField
          label="Commune"
          name="commune"
          optional
          placeholder={communes.isPending ? "Chargement des communes…" : "Toutes les communes"}
          options={(communes.data ?? []).map((c) => ({ value: c.inseeCode, label: c.postalCode ? `${c.name} (${c.postalCode})` : c.name }))}
          value={choice.commune}
          onChange={(e) => set({ commune: e.target.value })}
        />
        <SelectField
          label="Intercommunalité"
          name="epci"
          optional
          hint="Seulement si aucune commune n'est choisie. Liste des intercommunalités qui ont des ateliers à venir."
          placeholder="Toutes les intercommunalités"
          options={(options.data?.epcis ?? []).map((e) => ({ value: e.code, label: e.name }))}
          value={choice.epci}
          disabled={!!choice.commune}
          onChange={(e) => set({ epci: e.target.value })}
        />
        <SelectField
          label="Thème"
          name="theme"
          optional
          placeholder="Tous les thèmes"
          options={workshopThemes.items.map((t) => ({ value: t.value, label: t.label }))}
          value={choice.theme}
          onChange={(e) => set({ theme: e.target.value })}
        />
        <NumberField label="Hauteur du cadre, en pixels" name="height" hint="De 200 à 3000 ; 600 convient à la plupart des pages." value={choice.height} onChange={(height) => set({ height })} />
      </form>

      <h2>Afficher les ateliers sur le site partenaire</h2>
      <Alert type="info" role="none">
        Le navigateur n'affiche ce cadre que sur les sites déclarés par l'exploitant du service (réglage <code>EMBED_ALLOWED_ORIGINS</code>, par ex.{" "}
        <code>https://www.college-exemple.fr</code>). Demandez-lui d'ajouter l'adresse du site partenaire avant de lui envoyer le code.
      </Alert>
      <TextArea label="Code à coller dans la page du site partenaire" name="embed-snippet" readOnly rows={4} value={snippet} onFocus={(e) => e.currentTarget.select()} />
      <p>
        <Button type="button" onClick={() => void copySnippet()}>
          Copier le code
        </Button>
      </p>
      <div aria-live="polite">
        {copy === "copied" ? <p>Code copié.</p> : copy === "failed" ? <p>La copie automatique n'a pas fonctionné : le code est sélectionné, copiez-le avec Ctrl+C.</p> : null}
      </div>
      <p>
        <a href={embedUrl} target="_blank" rel="noopener">
          Voir la page intégrée<span className="mn-visually-hidden"> (nouvel onglet)</span>
        </a>
      </p>

      <h2>Agenda et données ouvertes</h2>
      {/* Long addresses wrap instead of widening the page on a phone. */}
      <ul style={{ overflowWrap: "anywhere" }}>
        <li>
          Agenda à ajouter par abonnement (Google Agenda, Outlook, Agenda d'Apple : « ajouter un agenda par URL ») : <code>{feed("ics")}</code>
        </li>
        <li>
          Liste des séances en JSON : <a href={feed("json")}>{feed("json")}</a>
        </li>
        <li>
          Liste des séances en CSV (tableur) : <a href={feed("csv")}>{feed("csv")}</a>
        </li>
      </ul>
      <p>Ces adresses ne contiennent aucune donnée personnelle : ni inscrits, ni conseillers ; seulement les places restantes. Les séances annulées y restent, marquées « Annulée ».</p>
    </>
  );
}
