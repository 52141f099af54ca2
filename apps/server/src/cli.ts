// `pnpm medianum <commande>`: the operator's commands, on the database the server would use
// (DATABASE_URL, or the embedded one in DATA_DIR).
import { resolve } from "node:path";
import { backupDatabase, BackupError, restoreDatabase, type DatabaseTarget } from "@medianum/db";
import { ConfigError, loadDatabaseConfig } from "./config.js";

const USAGE = `usage :
  pnpm medianum backup <fichier>    sauvegarde la base (PostgreSQL : pg_dump ; base embarquée : serveur arrêté)
  pnpm medianum restore <fichier>   remplace le contenu de la base par celui de la sauvegarde`;

function where(target: DatabaseTarget): string {
  return "url" in target ? "PostgreSQL (DATABASE_URL)" : `base embarquée ${target.dataDir}`;
}

async function main(argv: string[]): Promise<number> {
  const [command, fileArg] = argv;
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

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    if (err instanceof ConfigError) console.error(`Configuration à corriger :\n${err.problems.map((p) => `  - ${p}`).join("\n")}`);
    else if (err instanceof BackupError) console.error(err.message);
    else console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  },
);
