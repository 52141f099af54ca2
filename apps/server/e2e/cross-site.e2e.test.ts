import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, describe, expect, it } from "vitest";
import { browser, product, startForThisFile } from "./lifecycle.js";

startForThisFile();

// Another site's page that posts a form to our API as soon as it opens, with the visitor's
// cookie. It is served on another port of the same host: another origin, but the same *site*,
// so the browser does send the SameSite=Lax session cookie along — only the server's
// same-origin rule stands between the form and the session.
const ENCODINGS = ["multipart/form-data", "application/x-www-form-urlencoded", "text/plain"] as const;

let attacker: Server | undefined;
afterAll(() => new Promise<void>((resolve) => (attacker ? attacker.close(() => resolve()) : resolve())));

async function startAttacker(target: string): Promise<string> {
  attacker = createServer((req, res) => {
    const enctype = ENCODINGS[Number(new URL(req.url ?? "/", "http://x").searchParams.get("form") ?? 0)] ?? ENCODINGS[0];
    res.setHeader("content-type", "text/html; charset=utf-8");
    res.end(`<!doctype html><title>Jeu concours</title>
<form method="post" action="${target}" enctype="${enctype}"><input type="hidden" name="json" value="{}"></form>
<script>document.forms[0].submit()</script>`);
  });
  await new Promise<void>((resolve) => attacker!.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(attacker!.address() as AddressInfo).port}`;
}

describe("cross-site requests, in Chromium", () => {
  it("a page of another origin auto-submitting forms to auth.logout leaves the visitor logged in; our own logout still works", async () => {
    const evil = await startAttacker(`${product.baseUrl}/api/trpc/auth.logout`);
    expect(new URL(evil).origin).not.toBe(new URL(product.baseUrl).origin);
    const context = await browser.newContext({ locale: "fr-FR" });
    const page = await context.newPage();
    await page.goto(`${product.baseUrl}/pilotage/`);
    await page.getByLabel("Adresse e-mail").fill("coordination@medianum.test");
    await page.getByLabel("Mot de passe").fill(product.logins.find((l) => l.role === "coordinator")!.password);
    await page.getByRole("button", { name: "Se connecter" }).click();
    await page.getByRole("button", { name: "Se déconnecter" }).waitFor();
    const user = await product.db.prisma.user.findUniqueOrThrow({ where: { email: "coordination@medianum.test" } });
    const sessions = await product.db.prisma.authSession.count({ where: { userId: user.id } });
    expect(sessions).toBeGreaterThan(0);

    for (const [i, enctype] of ENCODINGS.entries()) {
      const answered = page.waitForResponse((r) => r.url().startsWith(`${product.baseUrl}/api/trpc/auth.logout`));
      await page.goto(`${evil}/?form=${i}`);
      const res = await answered;
      // The form did reach the server from the other origin, with the session cookie…
      const sent = await res.request().allHeaders();
      expect(sent.origin, enctype).toBe(evil);
      expect(sent["content-type"], enctype).toContain(enctype);
      expect(sent.cookie, enctype).toContain("medianum_session=");
      // …and was refused before anything happened.
      expect(res.status(), enctype).toBe(403);
      expect(await res.json()).toEqual({ error: "Demande refusée : elle ne vient pas d'une page de Médianum. Rechargez la page de Médianum et réessayez." });
      expect(await product.db.prisma.authSession.count({ where: { userId: user.id } }), enctype).toBe(sessions);
    }

    // Back on the back-office: still logged in.
    await page.goto(`${product.baseUrl}/pilotage/`);
    await page.getByRole("button", { name: "Se déconnecter" }).waitFor();
    expect(await page.getByLabel("Mot de passe").count()).toBe(0);

    // The app's own logout (JSON from our page) goes through.
    await page.getByRole("button", { name: "Se déconnecter" }).click();
    await page.getByLabel("Mot de passe").waitFor();
    expect(await product.db.prisma.authSession.count({ where: { userId: user.id } })).toBe(sessions - 1);
    await context.close();
  });
});
