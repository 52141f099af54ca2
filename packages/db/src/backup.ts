import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, renameSync, statSync } from "node:fs";
import { open, readFile, rename, writeFile } from "node:fs/promises";
import { PGlite } from "@electric-sql/pglite";
import { openDatabase } from "./client.js";

// Backups in each engine's own format, so that a restore gives back exactly what was there:
// - PostgreSQL: `pg_dump --format=custom`, restored by `pg_restore` in one transaction;
// - PGlite: its data directory as a gzip tarball (`dumpDataDir`), reloaded with `loadDataDir`.
// The file says which it is (first bytes), so `restore` needs no option.

export type DatabaseTarget = { url: string } | { dataDir: string };

export type BackupKind = "postgres" | "pglite";

export class BackupError extends Error {}

const PG_DUMP = process.env.PG_DUMP ?? "pg_dump";
const PG_RESTORE = process.env.PG_RESTORE ?? "pg_restore";

function runTool(cmd: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.on("error", (err: NodeJS.ErrnoException) =>
      reject(new BackupError(err.code === "ENOENT" ? `${cmd} est introuvable : installez le paquet postgresql-client (même version majeure que le serveur).` : err.message)),
    );
    child.on("close", (code) => (code === 0 ? resolve() : reject(new BackupError(`${cmd} a échoué (code ${code}) : ${stderr.trim()}`))));
  });
}

/** What a backup file holds, from its first bytes. */
export async function backupKind(file: string): Promise<BackupKind> {
  const handle = await open(file, "r");
  try {
    const head = Buffer.alloc(5);
    await handle.read(head, 0, 5, 0);
    if (head.toString("latin1") === "PGDMP") return "postgres";
    if (head[0] === 0x1f && head[1] === 0x8b) return "pglite";
  } finally {
    await handle.close();
  }
  throw new BackupError(`${file} n'est pas une sauvegarde de Médianum (ni pg_dump au format personnalisé, ni base embarquée).`);
}

/** Writes a backup of the database to `file` (written beside it, then renamed: never half a file). */
export async function backupDatabase(target: DatabaseTarget, file: string): Promise<{ kind: BackupKind; bytes: number }> {
  const partial = `${file}.partiel`;
  if ("url" in target) {
    await runTool(PG_DUMP, ["--format=custom", "--no-owner", "--no-privileges", `--file=${partial}`, `--dbname=${target.url}`]);
  } else {
    if (!existsSync(target.dataDir)) throw new BackupError(`Aucune base embarquée dans ${target.dataDir}.`);
    // Through openDatabase for its lock: the data directory of a running server cannot be copied safely.
    const db = await openDatabase({ dataDir: target.dataDir });
    try {
      const blob = await db.pglite!.dumpDataDir("gzip");
      await writeFile(partial, Buffer.from(await blob.arrayBuffer()));
    } finally {
      await db.close();
    }
  }
  await rename(partial, file);
  return { kind: "url" in target ? "postgres" : "pglite", bytes: statSync(file).size };
}

/**
 * Replaces the database's content by the backup's. PostgreSQL: every object of the backup is dropped
 * and recreated in one transaction (a failure leaves the database as it was). PGlite: the current
 * data directory is kept aside as `<DATA_DIR>.avant-restauration-<date>`, never deleted.
 * Returns that directory, if any.
 */
export async function restoreDatabase(target: DatabaseTarget, file: string): Promise<{ kind: BackupKind; keptAside?: string }> {
  const kind = await backupKind(file);
  if ("url" in target) {
    if (kind !== "postgres") {
      throw new BackupError("Cette sauvegarde vient de la base embarquée : pour passer ses données dans PostgreSQL, utilisez « pnpm medianum move-to-postgres ».");
    }
    await runTool(PG_RESTORE, ["--clean", "--if-exists", "--no-owner", "--no-privileges", "--single-transaction", "--exit-on-error", `--dbname=${target.url}`, file]);
    return { kind };
  }
  if (kind !== "pglite") throw new BackupError("Cette sauvegarde vient de PostgreSQL : restaurez-la avec DATABASE_URL défini.");
  let keptAside: string | undefined;
  if (existsSync(target.dataDir) && readdirSync(target.dataDir).length > 0) {
    // Opening it takes the lock: refused while the server runs.
    const current = await openDatabase({ dataDir: target.dataDir });
    await current.close();
    keptAside = `${target.dataDir}.avant-restauration-${new Date().toISOString().replace(/[:.]/g, "-")}`;
    renameSync(target.dataDir, keptAside);
  }
  mkdirSync(target.dataDir, { recursive: true });
  const lite = new PGlite(target.dataDir, { loadDataDir: new Blob([await readFile(file)]) });
  await lite.waitReady;
  await lite.close();
  return keptAside ? { kind, keptAside } : { kind };
}
