// `pnpm medianum <commande>`: the operator's commands, on the database the server would use
// (DATABASE_URL, or the embedded one in DATA_DIR).
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { createAdministrator, importCommuneCentres } from "@medianum/api";
import { countOf, parseCommuneCentresCsv } from "@medianum/domain";
import { backupDatabase, BackupError, moveToPostgres, openDatabase, restoreDatabase, type DatabaseTarget } from "@medianum/db";
import { ConfigError, loadConfig, loadDatabaseConfig } from "./config.js";
import { jobCommand, JOB_USAGE } from "./jobs/command.js";
import { createMailTransport } from "./jobs/index.js";

const USAGE = `usage :
  pnpm medianum backup <fichier>    sauvegarde la base (PostgreSQL : pg_dump ; base embarquée : serveur arrêté)
  pnpm medianum restore <fichier>   remplace le contenu de la base par celui de la sauvegarde
  pnpm medianum move-to-postgres    copie la base embarquée (DATA_DIR, serveur arrêté) dans la base PostgreSQL vide de DATABASE_URL
  pnpm medianum create-admin <e-mail> "<Prénom Nom>"
                                    premier administrateur (ou récupération d'un compte) : affiche un lien à usage unique
  pnpm medianum communes import-centres <fichier.csv>
                                    centres des communes (code INSEE, latitude, longitude) : distances du portail en km
${JOB_USAGE}`;

/** Lines refused by an import shown in full; the rest are counted (a national file may have many). */
const REJECTED_SHOWN = 20;

function where(target: DatabaseTarget): string {
  return "url" in target ? "PostgreSQL (DATABASE_URL)" : `base embarquée ${target.dataDir}`;
}

async function main(argv: string[]): Promise<number> {
  const [command, fileArg] = argv;
  if (command === "move-to-postgres") return move();
  if (command === "create-admin") return createAdmin(argv.slice(1));
  if (command === "job") return job(argv.slice(1));
  if (command === "communes") return communes(argv.slice(1));
  if (!command || !fileArg || !["backup", "restore"].includes(command)) {
    console.error(USAGE);
    return 2;
  }
  // Relative to where the command was typed (pnpm runs scripts from the repository root).
  const file = resolve(process.env.INIT_CWD ?? process.cwd(), fileArg);
  const config = loadDatabaseConfig();
  const target: DatabaseTarget = config.databaseUrl ? { url: config.databaseUrl } : { dataDir: config.dataDir };
  if (command === "backup") {
    const { bytes } = await backupDatabase(target, file);
    console.log(`Sauvegarde de la ${where(target)} écrite dans ${file} (${(bytes / 1024 / 1024).toFixed(1)} Mo).`);
  } else {
    const { keptAside } = await restoreDatabase(target, file);
    console.log(`Sauvegarde ${file} restaurée dans la ${where(target)}.`);
    if (keptAside) console.log(`L'ancienne base est gardée dans ${keptAside} (à supprimer une fois la restauration vérifiée).`);
    console.log("Au démarrage, le serveur appliquera les migrations plus récentes que la sauvegarde.");
  }
  return 0;
}

async function move(): Promise<number> {
  const config = loadDatabaseConfig();
  if (!config.databaseUrl) {
    console.error("Indiquez la base PostgreSQL de destination, vide : DATABASE_URL=postgresql://utilisateur:motdepasse@hôte:5432/medianum pnpm medianum move-to-postgres");
    return 2;
  }
  const report = await moveToPostgres({ dataDir: config.dataDir, url: config.databaseUrl }, (m) => console.log(m));
  const total = Object.values(report.rows).reduce((a, b) => a + b, 0);
  console.log(`Base embarquée ${config.dataDir} copiée dans PostgreSQL : ${Object.keys(report.rows).length} tables, ${total} lignes, mêmes nombres de lignes des deux côtés ; ${report.migrations} migrations vérifiées.
Démarrez maintenant le serveur avec DATABASE_URL. La base embarquée n'a pas été modifiée : gardez-la le temps de vérifier.`);
  return 0;
}

/** The first administrator of a new instance, or the recovery of one; the link is printed, never e-mailed nor stored. */
async function createAdmin([email, displayName]: string[]): Promise<number> {
  if (!email || !displayName) {
    console.error(USAGE);
    return 2;
  }
  const config = loadConfig();
  const db = await openDatabase({ url: config.databaseUrl, dataDir: config.databaseUrl ? undefined : config.dataDir });
  try {
    await db.migrate(() => undefined);
    const res = await createAdministrator(db.prisma, { email, displayName, publicUrl: config.publicUrl.replace(/\/$/, ""), now: new Date(), ip: "console" });
    const until = res.link.expiresAt.toLocaleString("fr-FR", { timeZone: "Europe/Paris", dateStyle: "long", timeStyle: "short" });
    console.log(res.created ? `Compte administrateur créé pour ${email}.` : `${email} est administrateur ; son ancien mot de passe ne fonctionne plus.`);
    console.log(`Lien pour choisir le mot de passe (une seule fois, jusqu'au ${until}) :\n${res.link.url}`);
    console.log("Transmettez-le à la personne par un canal sûr : il n'est enregistré nulle part.");
    return 0;
  } finally {
    await db.close();
  }
}

/** A scheduled job now, on the database and with the settings the server uses (SMTP, DKIM…). */
async function job(args: string[]): Promise<number> {
  const config = loadConfig();
  const db = await openDatabase({ url: config.databaseUrl, dataDir: config.databaseUrl ? undefined : config.dataDir });
  const transport = createMailTransport(config);
  try {
    await db.migrate(() => undefined);
    return await jobCommand(args, { db, config, transport, out: (l) => console.log(l), err: (l) => console.error(l) });
  } finally {
    transport?.close?.();
    await db.close();
  }
}

/** Loads the centres of the communes from an open-data CSV: the package of communes has none. */
async function communes([sub, fileArg]: string[]): Promise<number> {
  if (sub !== "import-centres" || !fileArg) {
    console.error(USAGE);
    return 2;
  }
  const file = resolve(process.env.INIT_CWD ?? process.cwd(), fileArg);
  const text = await readFile(file, "utf8").catch(() => null);
  if (text === null) {
    console.error(`Le fichier ${file} n'a pas pu être lu.`);
    return 1;
  }
  const parsed = parseCommuneCentresCsv(text);
  if (parsed.fileError) {
    console.error(`${file} : ${parsed.fileError}`);
    return 1;
  }
  for (const r of parsed.rejected.slice(0, REJECTED_SHOWN)) console.error(`Ligne ${r.line} ignorée : ${r.reason}`);
  if (parsed.rejected.length > REJECTED_SHOWN) console.error(`… et ${parsed.rejected.length - REJECTED_SHOWN} autres lignes ignorées.`);
  const config = loadDatabaseConfig();
  const db = await openDatabase({ url: config.databaseUrl, dataDir: config.databaseUrl ? undefined : config.dataDir });
  try {
    await db.migrate(() => undefined);
    const { updated, unknown } = await importCommuneCentres(db.prisma, parsed.rows);
    console.log(
      `Centres importés : ${countOf(updated, "commune mise à jour", "communes mises à jour")}, ${countOf(unknown, "commune inconnue", "communes inconnues")} de cette instance (hors du territoire), ${countOf(parsed.rejected.length, "ligne invalide", "lignes invalides")}.`,
    );
    return 0;
  } finally {
    await db.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    if (err instanceof ConfigError) console.error(`Configuration à corriger :\n${err.problems.map((p) => `  - ${p}`).join("\n")}`);
    else if (err instanceof BackupError) console.error(err.message);
    else console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  },
);
