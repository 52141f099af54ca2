import { ConfigError, loadConfig } from "./config.js";

async function main() {
  const config = loadConfig();
  // Loaded once the configuration is known to be good: a refusal comes at once, not after every
  // module (database drivers, Prisma, the API) has been read.
  const [{ hashPassword }, { openDatabase }, { demoAccounts, seedDemo }, { buildServer }] = await Promise.all([
    import("@medianum/api"),
    import("@medianum/db"),
    import("@medianum/db/seed"),
    import("./app.js"),
  ]);
  const db = await openDatabase({ url: config.databaseUrl, dataDir: config.databaseUrl ? undefined : config.dataDir });
  console.log(`Base de données : ${db.location}`);
  const applied = await db.migrate((m) => console.log(`  ${m}`));
  if (applied.length > 0) console.log(`${applied.length} migration(s) appliquée(s).`);

  let logins: { role: string; email: string; password: string }[] = [];
  if (config.seedDemo) {
    const res = await seedDemo(db.prisma, { hashPassword });
    if (res.seeded) console.log("Données de démonstration chargées :", res.summary);
    // On later starts too, remind which demo accounts exist (unless they were removed).
    const accounts = demoAccounts();
    const present = new Set(
      (await db.prisma.user.findMany({ where: { email: { in: accounts.map((a) => a.email) }, disabledAt: null }, select: { email: true } })).map((u) => u.email),
    );
    logins = accounts.filter((a) => present.has(a.email));
  }

  const app = await buildServer({ config, db });

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info(`${signal} reçu : arrêt propre en cours`);
    // Stop accepting connections, let requests in flight finish, then close the database.
    const force = setTimeout(() => process.exit(1), 10_000).unref();
    try {
      await app.close();
      await db.close();
    } finally {
      clearTimeout(force);
      process.exit(0);
    }
  };
  process.on("SIGINT", () => void shutdown("SIGINT"));
  process.on("SIGTERM", () => void shutdown("SIGTERM"));

  await app.listen({ port: config.port, host: config.host });
  const base = config.publicUrl.replace(/\/$/, "");
  console.log(`
Médianum est prêt.
  Portail public          ${base}/
  Application conseiller  ${base}/conseiller/
  Back-office (pilotage)  ${base}/pilotage/
  Santé de l'API          ${base}/api/health`);
  if (logins.length > 0) {
    console.log("\nComptes de démonstration :");
    for (const l of logins) console.log(`  ${l.role.padEnd(12)} ${l.email.padEnd(32)} ${l.password}`);
  }
}

main().catch((err) => {
  if (err instanceof ConfigError) {
    // What to fix, one line per variable: no stack trace for an operator to wade through.
    console.error(`Le serveur ne démarre pas : configuration à corriger.\n${err.problems.map((p) => `  - ${p}`).join("\n")}`);
    process.exit(1);
  }
  console.error("Le serveur n'a pas pu démarrer :", err instanceof Error ? err.message : err);
  process.exit(1);
});
