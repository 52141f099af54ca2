import { spawn } from "node:child_process";
import { generateKeyPairSync } from "node:crypto";
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../src/config.js";

function problems(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) return err.problems;
    throw err;
  }
  return [];
}

const production = { NODE_ENV: "production", PUBLIC_URL: "https://medianum.exemple.fr" };

describe("configuration read at start", () => {
  it("starts with nothing set outside production, with the documented defaults", () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ environment: "development", port: 3000, host: "0.0.0.0", publicUrl: "http://localhost:3000", seedDemo: true, jobsEnabled: true });
    expect(c.mailFrom).toContain("ne-pas-repondre@");
    expect(loadConfig({ DATABASE_URL: "postgresql://u:p@db:5432/medianum" }).seedDemo).toBe(false);
  });

  it("reads numbers, booleans and URLs, and treats an empty value as unset", () => {
    const c = loadConfig({ ...production, PORT: "8080", JOBS_ENABLED: "no", SEED_DEMO: "1", SMTP_URL: "", MAIL_FROM: "Ateliers <ateliers@cd47.fr>", SESSION_TTL_HOURS: "12" });
    expect(c).toMatchObject({ port: 8080, jobsEnabled: false, seedDemo: true, smtpUrl: undefined, mailFrom: "Ateliers <ateliers@cd47.fr>", sessionTtlHours: 12 });
  });

  it("refuses values of the wrong type or out of range, naming the variable and what to write", () => {
    const found = problems({
      PORT: "70000",
      SESSION_TTL_HOURS: "douze",
      REMINDER_HOURS_BEFORE: "2.5",
      JOBS_ENABLED: "oui",
      LOG_LEVEL: "verbose",
      DATABASE_URL: "mysql://db/medianum",
      SMTP_URL: "smtp.exemple.fr",
      PUBLIC_URL: "medianum.exemple.fr",
      MAIL_FROM: "pas une adresse",
      NODE_ENV: "prod",
    });
    const byVariable = new Map(found.map((p) => [p.split(/[=\s]/)[0], p]));
    expect([...byVariable.keys()].sort()).toEqual(
      ["DATABASE_URL", "JOBS_ENABLED", "LOG_LEVEL", "MAIL_FROM", "NODE_ENV", "PORT", "PUBLIC_URL", "REMINDER_HOURS_BEFORE", "SESSION_TTL_HOURS", "SMTP_URL"].sort(),
    );
    expect(byVariable.get("PORT")).toBe("PORT=« 70000 » refusé : attendu un numéro de port entier de 0 à 65535.");
    expect(byVariable.get("DATABASE_URL")).toContain("postgresql://");
    expect(byVariable.get("SMTP_URL")).toContain("smtp://");
  });

  it("reads the partner sites allowed to frame the catalogue as origins, refusing paths and http in production", () => {
    expect(loadConfig({}).embedAllowedOrigins).toEqual([]);
    expect(loadConfig({ ...production, EMBED_ALLOWED_ORIGINS: "https://www.college-exemple.fr, HTTPS://Mairie.Exemple.fr:8443 https://www.college-exemple.fr" }).embedAllowedOrigins).toEqual([
      "https://www.college-exemple.fr",
      "https://mairie.exemple.fr:8443",
    ]);
    expect(loadConfig({ EMBED_ALLOWED_ORIGINS: "http://localhost:5173" }).embedAllowedOrigins).toEqual(["http://localhost:5173"]);
    for (const bad of ["https://www.college-exemple.fr/agenda", "www.college-exemple.fr", "https://www.college-exemple.fr/", "*", "'none'", "https://a.fr;script-src", "https://a.fr;script-src *", "https://a_b.fr"]) {
      expect(problems({ EMBED_ALLOWED_ORIGINS: bad }), bad).toEqual([expect.stringMatching(/^EMBED_ALLOWED_ORIGINS : « .* » n'est pas une origine : .*https:\/\/www\.mairie-agen\.fr/)]);
    }
    expect(problems({ ...production, EMBED_ALLOWED_ORIGINS: "http://www.college-exemple.fr" })).toEqual([expect.stringContaining("EMBED_ALLOWED_ORIGINS : « http://www.college-exemple.fr » doit commencer par https:// en production")]);
  });

  it("refuses to start in production without PUBLIC_URL, saying which variable to set", () => {
    expect(problems({ NODE_ENV: "production" })).toEqual([expect.stringMatching(/^PUBLIC_URL : obligatoire en production.*PUBLIC_URL=https:\/\//)]);
    expect(problems(production)).toEqual([]);
  });

  it("refuses to start in production with SMTP_URL and no MAIL_FROM nor MAIL_REPLY_TO", () => {
    expect(problems({ ...production, SMTP_URL: "smtp://u:p@smtp.exemple.fr:587" })).toEqual([
      expect.stringMatching(/^MAIL_FROM : obligatoire quand SMTP_URL est défini/),
      expect.stringMatching(/^MAIL_REPLY_TO : obligatoire quand SMTP_URL est défini, l'adresse où arrivent les réponses/),
    ]);
    expect(problems({ ...production, SMTP_URL: "smtp://u:p@smtp.exemple.fr:587", MAIL_FROM: "ne-pas-repondre@cd47.fr", MAIL_REPLY_TO: "pas une adresse" })).toEqual([
      expect.stringMatching(/^MAIL_REPLY_TO=« pas une adresse » refusé/),
    ]);
    const c = loadConfig({ ...production, SMTP_URL: "smtp://u:p@smtp.exemple.fr:587", MAIL_FROM: "ne-pas-repondre@cd47.fr", MAIL_REPLY_TO: "conseillers@cd47.fr" });
    expect(c).toMatchObject({ mailFrom: "ne-pas-repondre@cd47.fr", mailReplyTo: "conseillers@cd47.fr", dkim: null });
  });

  it("signs with DKIM only with domain, selector and key together, the key as text or file, for the sender's domain", () => {
    const dir = mkdtempSync(join(tmpdir(), "dkim-"));
    const pem = generateKeyPairSync("rsa", { modulusLength: 1024 }).privateKey.export({ type: "pkcs8", format: "pem" }).toString();
    writeFileSync(join(dir, "cle.pem"), pem);
    const mail = { MAIL_FROM: "Département <ne-pas-repondre@cd47.fr>" };
    expect(problems({ ...mail, DKIM_DOMAIN: "cd47.fr" })).toEqual([expect.stringMatching(/^DKIM : DKIM_DOMAIN, DKIM_SELECTOR et la clé .* vont ensemble/)]);
    expect(problems({ ...mail, DKIM_DOMAIN: "autre.fr", DKIM_SELECTOR: "s1", DKIM_PRIVATE_KEY_FILE: join(dir, "cle.pem") })).toEqual([
      expect.stringMatching(/^DKIM_DOMAIN=« autre\.fr » ne correspond pas au domaine de l'expéditeur MAIL_FROM \(cd47\.fr\)/),
    ]);
    expect(() => loadConfig({ ...mail, DKIM_DOMAIN: "cd47.fr", DKIM_SELECTOR: "s1", DKIM_PRIVATE_KEY_FILE: join(dir, "absente.pem") })).toThrow(/fichier illisible/);
    expect(loadConfig({ ...mail, DKIM_DOMAIN: "cd47.fr", DKIM_SELECTOR: "s1", DKIM_PRIVATE_KEY_FILE: join(dir, "cle.pem") }).dkim).toEqual({ domainName: "cd47.fr", keySelector: "s1", privateKey: pem });
    // In an environment file the key holds on one line, with \n for its line breaks.
    const oneLine = pem.trim().replaceAll("\n", "\\n");
    expect(loadConfig({ ...mail, DKIM_DOMAIN: "cd47.fr", DKIM_SELECTOR: "s1", DKIM_PRIVATE_KEY: oneLine }).dkim?.privateKey).toBe(pem.trim());
  });

  it("lists every problem at once, bad values and missing production settings together", () => {
    const found = problems({ NODE_ENV: "production", PORT: "abc", SMTP_URL: "smtps://u:p@smtp.exemple.fr:465" });
    expect(found.map((p) => p.split(/[=\s]/)[0])).toEqual(["PORT", "PUBLIC_URL", "MAIL_FROM", "MAIL_REPLY_TO"]);
  });
});

const serverDir = join(dirname(fileURLToPath(import.meta.url)), "..");
const badEnv = { NODE_ENV: "production", PORT: "abc", SMTP_URL: "smtp://u:p@smtp.exemple.fr:587", PUBLIC_URL: "", MAIL_FROM: "", MAIL_REPLY_TO: "", DATABASE_URL: "" };

interface Exit {
  status: number | null;
  stdout: string;
  stderr: string;
}

function startServer(args: string[]): Promise<Exit> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: serverDir, env: { ...process.env, ...badEnv } });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.on("error", reject);
    child.on("close", (status) => resolve({ status, stdout, stderr }));
  });
}

// Loading every module before the configuration is read takes a while through tsx on a busy machine.
const SPAWN_TIMEOUT = 180_000;

function expectRefusal(res: Exit) {
  expect(res.status).toBe(1);
  const lines = res.stderr.trim().split("\n");
  expect(lines).toEqual([
    "Le serveur ne démarre pas : configuration à corriger.",
    "  - PORT=« abc » refusé : attendu un numéro de port entier de 0 à 65535.",
    expect.stringMatching(/^ {2}- PUBLIC_URL : obligatoire en production/),
    expect.stringMatching(/^ {2}- MAIL_FROM : obligatoire quand SMTP_URL est défini/),
    expect.stringMatching(/^ {2}- MAIL_REPLY_TO : obligatoire quand SMTP_URL est défini/),
  ]);
  expect(res.stdout).not.toContain("Médianum est prêt");
}

describe("the server process with a bad configuration", () => {
  it("exits with code 1 and says, in French, which variables to set (TypeScript sources)", async () => {
    expectRefusal(await startServer([join(serverDir, "node_modules", "tsx", "dist", "cli.mjs"), "src/main.ts"]));
  }, SPAWN_TIMEOUT);

  // The built server (`pnpm build`) is what `npm start` runs; `npm test` builds it beside the tests.
  it.skipIf(!existsSync(join(serverDir, "dist", "main.js")))("exits the same way from the built server", async () => {
    expectRefusal(await startServer(["dist/main.js"]));
  }, SPAWN_TIMEOUT);
});
