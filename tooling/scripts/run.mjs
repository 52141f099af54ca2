#!/usr/bin/env node
// The README's two commands. A fresh machine has only Node and npm: we bootstrap the pnpm
// pinned in package.json through npx (corepack cannot fetch it here), then hand over to turbo.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
const pnpmSpec = pkg.packageManager; // e.g. pnpm@10.34.8

function run(cmd, args, extraEnv = {}, { stopIsSuccess = false } = {}) {
  console.log(`\n▶ ${cmd} ${args.join(" ")}`);
  const res = spawnSync(cmd, args, {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, ...extraEnv },
  });
  // Ctrl+C or a stop signal ends the server on purpose: not a failure.
  if (stopIsSuccess && (res.signal === "SIGINT" || res.signal === "SIGTERM" || res.status === 130 || res.status === 143)) {
    console.log("\nMédianum est arrêté.");
    process.exit(0);
  }
  if (res.status !== 0) {
    console.error(`\n✖ échec : ${cmd} ${args.join(" ")} (code ${res.status ?? res.signal})`);
    process.exit(res.status ?? 1);
  }
}

const pnpm = (...args) => run("npx", ["-y", pnpmSpec, ...args]);
// The server runs as a direct child of this script: no npx and pnpm processes kept alive beside it
// for its whole life (about 100 MB of memory and a second of start-up).
const serve = (file) => run(process.execPath, [file], { NODE_ENV: process.env.NODE_ENV || "production" }, { stopIsSuccess: true });

function findChromium() {
  const candidates = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"];
  return candidates.find((p) => p && existsSync(p));
}

function ensureChromium() {
  if (findChromium()) return;
  // End-to-end tests drive Debian's Chromium; Playwright's own browser download is unreachable here.
  if (process.getuid?.() === 0 && existsSync("/usr/bin/apt-get")) {
    run("apt-get", ["update", "-qq"]);
    run("apt-get", ["install", "-y", "-qq", "chromium"], { DEBIAN_FRONTEND: "noninteractive" });
  }
  if (!findChromium()) {
    console.error("✖ Chromium est nécessaire aux tests de bout en bout : installez le paquet « chromium » ou définissez CHROMIUM_PATH.");
    process.exit(1);
  }
}

const command = process.argv[2];
pnpm("install", "--frozen-lockfile");

if (command === "start") {
  pnpm("exec", "turbo", "run", "build", "--filter=@medianum/server...");
  // The server refuses to start in production without PUBLIC_URL (links in e-mails would say
  // localhost by mistake); here the person typing `npm start` is at the machine, so the local
  // address is the right default. Behind a domain name, set PUBLIC_URL (README).
  const production = (process.env.NODE_ENV || "production") === "production";
  if (production && !process.env.PUBLIC_URL) {
    process.env.PUBLIC_URL = `http://localhost:${process.env.PORT || 3000}`;
    console.log(`\nPUBLIC_URL n'est pas défini : ${process.env.PUBLIC_URL} (définissez-le si l'on vient d'ailleurs que cette machine).`);
  }
  serve(join(root, "apps", "server", "dist", "main.js"));
} else if (command === "test") {
  ensureChromium();
  pnpm("exec", "turbo", "run", "typecheck", "lint", "test", "build", "--concurrency=2");
  pnpm("--filter", "@medianum/server", "test:e2e");
} else {
  console.error("usage: node tooling/scripts/run.mjs start|test");
  process.exit(2);
}
