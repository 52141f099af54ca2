#!/usr/bin/env node
// Writes <app>/dist/login.html: the app's index.html with its login page already drawn by React
// (from <app>/dist-server/entry-server.js, made by `vite build --ssr`). The server sends it to a
// visitor who comes without a session cookie, so the form shows before any script has run.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";

const appDir = resolve(process.argv[2] ?? ".");
const entry = join(appDir, "dist-server", "entry-server.js");
const indexFile = join(appDir, "dist", "index.html");
if (!existsSync(entry) || !existsSync(indexFile)) {
  console.error(`${appDir} : dist/index.html ou dist-server/entry-server.js manquant (vite build, puis vite build --ssr).`);
  process.exit(2);
}
const { renderLogin } = await import(pathToFileURL(entry).href);
const { html, title } = await renderLogin();
const template = readFileSync(indexFile, "utf8");
const root = '<div id="root"></div>';
if (!template.includes(root) || !/<title>[^<]*<\/title>/.test(template)) {
  console.error(`${indexFile} : <div id="root"></div> ou <title> introuvable.`);
  process.exit(1);
}
const escapeHtml = (s) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;");
// The stylesheet goes inside the page: on a slow network each extra file costs a round trip
// (400 ms on slow 3G) before anything is drawn. The CSP allows inline styles.
const inlined = template.replace(/<link rel="stylesheet"[^>]*href="[^"]*\/assets\/([^"/]+\.css)"[^>]*>/g, (_tag, file) =>
  `<style>${readFileSync(join(appDir, "dist", "assets", file), "utf8")}</style>`,
);
const page = inlined.replace(/<title>[^<]*<\/title>/, `<title>${escapeHtml(title)}</title>`).replace(root, `<div id="root">${html}</div>`);
writeFileSync(join(appDir, "dist", "login.html"), page);
console.log(`${join(appDir, "dist", "login.html")} : page de connexion dessinée (${page.length} octets).`);
process.exit(0); // the rendered app leaves timers (query cache) that would keep Node running
