/**
 * Record-speed benchmark: the whole product as the e2e tests start it (built apps, seeded
 * database, PGlite unless TEST_DATABASE_URL), the counsellor app in Chromium on a phone-sized
 * screen. Logged in, the network is cut, then accompaniments are recorded by the shortest path
 * (menu link, the first theme — the counsellor's most frequent —, "Enregistrer"); then the network
 * comes back. Prints the user actions per record, p50/p95/max of the wall time from the menu click
 * to the "enregistré" message, and the time until all of them are on the server. Asserts nothing
 * about time.
 *
 *   pnpm build && pnpm bench:record         # BENCH_RECORDS (20)
 */
import { performance } from "node:perf_hooks";
import { chromiumPath, launchBrowser, startProduct, waitForDeviceReady } from "../e2e/support.js";

const RECORDS = Number(process.env.BENCH_RECORDS ?? 20);

function percentile(sorted: number[], p: number) {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function main() {
  const product = await startProduct();
  const browser = await launchBrowser();
  try {
    const { prisma } = product.db;
    const login = product.logins.find((l) => l.role === "counsellor")!;
    const user = await prisma.user.findUniqueOrThrow({ where: { email: login.email }, include: { counsellor: true } });
    const counsellorId = user.counsellor!.id;
    const before = await prisma.activityRecord.count({ where: { counsellorId } });

    const context = await browser.newContext({ locale: "fr-FR", viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    await page.goto(`${product.baseUrl}/conseiller/`);
    await page.getByLabel("Adresse e-mail").fill(login.email);
    await page.getByLabel("Mot de passe").fill(login.password);
    await page.getByRole("button", { name: "Se connecter" }).click();
    await page.getByRole("heading", { name: "Mon agenda" }).waitFor();
    await waitForDeviceReady(page, ["agenda", "records"]);

    await context.setOffline(true);
    const status = page.getByRole("status").filter({ hasText: /En ligne|Hors connexion/ });
    await status.getByText("Hors connexion").waitFor();

    const times: number[] = [];
    const actionsPerRecord: number[] = [];
    for (let i = 0; i < RECORDS; i++) {
      let actions = 0;
      const t0 = performance.now();
      actions += 1;
      await page.getByRole("link", { name: "Nouvel accompagnement", exact: true }).click();
      actions += 1;
      await page.getByRole("group", { name: "Thématiques" }).getByRole("checkbox").first().check();
      actions += 1;
      await page.getByRole("button", { name: "Enregistrer l'accompagnement" }).click();
      await page.getByText("Accompagnement enregistré sur cet appareil").waitFor();
      times.push(performance.now() - t0);
      actionsPerRecord.push(actions);
      // Not timed: the status line counts this one among those waiting.
      await status.getByRole("link", { name: `${i + 1} en attente` }).waitFor();
    }
    const stillLocal = await prisma.activityRecord.count({ where: { counsellorId } });

    const tOnline = performance.now();
    await context.setOffline(false);
    await status.getByText("Tout est envoyé").waitFor({ timeout: 120_000 });
    const syncMs = performance.now() - tOnline;
    const stored = await prisma.activityRecord.count({ where: { counsellorId } });
    await context.close();

    const sorted = [...times].sort((a, b) => a - b);
    const ms = (n: number) => `${n.toFixed(0)} ms`;
    console.log(`Chromium (${chromiumPath()}), écran 360×740, hors connexion, ${RECORDS} accompagnements par le chemin le plus court`);
    console.log(`Actions par saisie (lien du menu, une thématique, Enregistrer) : ${Math.min(...actionsPerRecord)} à ${Math.max(...actionsPerRecord)}`);
    console.log(`Du clic dans le menu au message « enregistré » : p50 ${ms(percentile(sorted, 50))}, p95 ${ms(percentile(sorted, 95))}, max ${ms(sorted.at(-1) ?? 0)}`);
    console.log(`Retour du réseau → tout sur le serveur (« Tout est envoyé ») : ${ms(syncMs)}`);
    console.log(`En base : ${stillLocal - before} pendant la coupure, ${stored - before} après`);
    if (stillLocal !== before || stored !== before + RECORDS || actionsPerRecord.some((n) => n > 3)) process.exitCode = 1;
  } finally {
    await browser.close();
    await product.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
