/**
 * `pnpm create-admin <e-mail> "<Prénom Nom>"`: the first administrator of a new instance (or the
 * recovery of one), from a shell on the server, with the server's own configuration
 * (DATABASE_URL or DATA_DIR, PUBLIC_URL). Prints a one-time link to choose the password.
 */
import { createAdministrator } from "@medianum/api";
import { openDatabase } from "@medianum/db";
import { loadConfig } from "./config.js";

async function main() {
  const [email, displayName] = process.argv.slice(2);
  if (!email || !displayName) {
    console.error('usage : pnpm create-admin <adresse e-mail> "<Prénom Nom>"');
    process.exit(2);
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
  } finally {
    await db.close();
  }
}

main().catch((err) => {
  console.error("Échec :", err instanceof Error ? err.message : err);
  process.exit(1);
});
