// One plain layout for every e-mail the product sends (text and HTML), reused by each feature.

export interface EmailContent {
  /** "Bonjour Nadia," */
  greeting: string;
  paragraphs: string[];
  /** Label / value lines (date, place…). */
  details?: Array<[string, string]>;
  /** The one thing to do, as a link. */
  action?: { label: string; url: string } | undefined;
  /** Last lines (who sends it, why). */
  footer?: string[];
}

const SIGNATURE = "Les conseillers numériques du Département";

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

export function renderEmail(c: EmailContent): { text: string; html: string } {
  const text = [
    c.greeting,
    "",
    ...c.paragraphs.flatMap((p) => [p, ""]),
    ...(c.details?.length ? [...c.details.map(([k, v]) => `${k} : ${v}`), ""] : []),
    ...(c.action ? [`${c.action.label} : ${c.action.url}`, ""] : []),
    SIGNATURE,
    ...(c.footer?.length ? ["", ...c.footer] : []),
  ].join("\n");

  const html = `<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"></head>
<body style="font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5;color:#1e1e1e;max-width:600px;margin:0 auto;padding:16px">
<p>${escapeHtml(c.greeting)}</p>
${c.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join("\n")}
${
  c.details?.length
    ? `<table role="presentation" style="border-collapse:collapse;margin:16px 0">${c.details
        .map(([k, v]) => `<tr><th scope="row" style="text-align:left;padding:4px 12px 4px 0;vertical-align:top">${escapeHtml(k)}</th><td style="padding:4px 0">${escapeHtml(v)}</td></tr>`)
        .join("")}</table>`
    : ""
}
${c.action ? `<p><a href="${escapeHtml(c.action.url)}" style="display:inline-block;background:#000091;color:#fff;padding:12px 20px;text-decoration:none;border-radius:4px">${escapeHtml(c.action.label)}</a></p>` : ""}
<p>${escapeHtml(SIGNATURE)}</p>
${c.footer?.length ? `<p style="font-size:14px;color:#555">${c.footer.map(escapeHtml).join("<br>")}</p>` : ""}
</body></html>`;
  return { text, html };
}
