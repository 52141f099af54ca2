import { escapeHtml } from "@medianum/api";
import { countOf, formatDateTime, pluralWord, formatDuration, workshopThemes, type FeedFilters, type FeedSessionView } from "@medianum/domain";

// The embeddable catalogue: one HTML page without any script (nothing to load, nothing that could
// act inside a partner's page), the theme's colours and focus ring, readable 320 px wide in a frame.

const STYLE = `
:root{color-scheme:light}
*{box-sizing:border-box}
body{margin:0;padding:.75rem;font:1rem/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;color:#1b1f24;background:#fff}
h1{font-size:1.25rem;margin:0 0 .25rem}
.intro{margin:0 0 .75rem;color:#4a5360}
ul{list-style:none;margin:0;padding:0}
li{border:1px solid #d5dae0;border-radius:6px;padding:.75rem;margin:0 0 .75rem}
h2{font-size:1.05rem;margin:0 0 .25rem}
p{margin:0 0 .25rem}
a{color:#0b5c7a;text-decoration:underline;text-underline-offset:2px}
a:hover{color:#084760}
a:focus-visible{outline:none;box-shadow:0 0 0 3px #ffbf47,0 0 0 5px #1b1f24;border-radius:2px}
.meta{color:#4a5360}
.seats{font-weight:600}
.full{color:#7a4d00}
.sr{position:absolute;width:1px;height:1px;padding:0;margin:-1px;overflow:hidden;clip:rect(0,0,0,0);white-space:nowrap;border:0}
.all{margin-top:.5rem}
`;

function document(title: string, body: string): string {
  return `<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>`;
}

/** A link that leaves the frame for the portal, in a new tab (said to screen readers too). */
function outLink(href: string, text: string): string {
  return `<a href="${escapeHtml(href)}" target="_blank" rel="noopener">${escapeHtml(text)}<span class="sr"> (nouvel onglet)</span></a>`;
}

interface FilterNames {
  commune: string | null;
  epci: string | null;
}

function heading(filters: FeedFilters, names: FilterNames): string {
  const parts = ["Ateliers e-parentalité à venir"];
  if (filters.theme) parts.push(` : ${workshopThemes.label(filters.theme)}`);
  if (filters.commune && names.commune) parts.push(` à ${names.commune}`);
  else if (filters.epci && names.epci) parts.push(` (${names.epci})`);
  return parts.join("");
}

export function embedPage({ sessions, more, filters, names, publicUrl }: { sessions: FeedSessionView[]; more: boolean; filters: FeedFilters; names: FilterNames; publicUrl: string }): string {
  const title = heading(filters, names);
  const items = sessions.map((s) => {
    const seats =
      s.seatsLeft === 0
        ? `<p class="seats full">Complet : inscription sur liste d'attente</p>`
        : `<p class="seats">${escapeHtml(countOf(s.seatsLeft ?? 0, "place"))} ${pluralWord(s.seatsLeft ?? 0, "restante")}</p>`;
    return `<li>
<h2>${outLink(s.url, s.title)}</h2>
<p>${escapeHtml(formatDateTime(s.startsAt))} · ${escapeHtml(formatDuration(s.durationMinutes))}</p>
<p class="meta">${escapeHtml(`${s.place.name}, ${s.place.postalCode} ${s.place.communeName}`)}</p>
<p class="meta">${escapeHtml(s.themeLabel)}</p>
${seats}
</li>`;
  });
  const list = items.length
    ? `<ul>\n${items.join("\n")}\n</ul>`
    : `<p>Aucun atelier n'est prévu pour le moment${filters.commune || filters.epci || filters.theme ? " avec ces critères" : ""}. Revenez bientôt !</p>`;
  const body = `<h1>${escapeHtml(title)}</h1>
<p class="intro">Ateliers gratuits du Département pour les parents. L'inscription se fait sur le site des ateliers, dans un nouvel onglet.</p>
${list}
<p class="all">${outLink(`${publicUrl}/`, more ? "Voir tous les autres ateliers" : "Voir tous les ateliers du département")}</p>`;
  return document(title, body);
}

/** A filter of the address that cannot be read: said in the frame, for whoever set it up. */
export function embedErrorPage(messages: string[], publicUrl: string): string {
  return document(
    "Ateliers e-parentalité : adresse à corriger",
    `<h1>Ateliers e-parentalité</h1>
<p>Cette intégration est mal réglée : ${messages.map(escapeHtml).join(" ")}</p>
<p>${outLink(`${publicUrl}/`, "Voir les ateliers sur le site du Département")}</p>`,
  );
}
