import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import { hashPassword } from "@medianum/api";
import type { Database } from "@medianum/db";
import { createTestDatabase, dumpAllTables } from "@medianum/db/testing";
import type { ParsedMail } from "mailparser";
import superjson from "superjson";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildServer } from "../src/app.js";
import { loadConfig } from "../src/config.js";
import { startSmtpServer } from "./smtp.js";

// The attacker's probe, through the real server (HTTP, scheduled delivery job, real SMTP server
// in-process) on PGlite, or on PostgreSQL with TEST_DATABASE_URL: personal links just issued are
// in no table and no log line, before and after their e-mails leave; the e-mailed links work.
// And no /api answer may be cached.

const PUBLIC_URL = "https://medianum.example";
let db: Database;
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
let app: Awaited<ReturnType<typeof buildServer>>;
const logLines: string[] = [];
const clock = { now: new Date("2026-11-25T10:00:00Z") };
let sessionId: string;

function fakeApps() {
  const dir = mkdtempSync(join(tmpdir(), "medianum-apps-"));
  for (const name of ["portal", "counsellor", "backoffice"]) {
    mkdirSync(join(dir, name, "dist"), { recursive: true });
    writeFileSync(join(dir, name, "dist", "index.html"), `<!doctype html><title>${name}</title>`);
  }
  return dir;
}

/** A browser: keeps the session cookie, calls tRPC over HTTP. */
class Client {
  cookie = "";
  async call(path: string, input: unknown, kind: "query" | "mutation" = "mutation") {
    const payload = JSON.stringify(superjson.serialize(input));
    const headers = { ...(this.cookie ? { cookie: this.cookie } : {}), "sec-fetch-site": "same-origin" };
    const res =
      kind === "mutation"
        ? await app.inject({ method: "POST", url: `/api/trpc/${path}`, payload, headers: { ...headers, "content-type": "application/json" } })
        : await app.inject({ url: `/api/trpc/${path}?input=${encodeURIComponent(payload)}`, headers });
    const set = res.cookies.find((c) => c.name === "medianum_session");
    if (set) this.cookie = `medianum_session=${set.value}`;
    const body = res.json() as { result?: { data: Parameters<typeof superjson.deserialize>[0] }; error?: { json: { message: string } } };
    if (body.error) throw Object.assign(new Error(body.error.json.message), { status: res.statusCode });
    return superjson.deserialize(body.result!.data) as Record<string, unknown>;
  }
  async login(email: string, password: string) {
    await this.call("auth.login", { email, password });
    return this;
  }
}

beforeAll(async () => {
  db = await createTestDatabase();
  smtp = await startSmtpServer();
  await db.prisma.departement.create({ data: { code: "47", name: "Lot-et-Garonne" } });
  await db.prisma.commune.create({ data: { inseeCode: "47001", name: "Agen", postalCodes: ["47000"], population: 32000, departementCode: "47" } });
  const place = await db.prisma.place.create({ data: { name: "Médiathèque Lacépède", type: "mediatheque", address: "1 place Armand Fallières", postalCode: "47000", communeInsee: "47001" } });
  const workshop = await db.prisma.workshop.create({ data: { title: "Les écrans en famille", theme: "screens", audience: "parents", description: "Trouver un équilibre." } });
  sessionId = (await db.prisma.workshopSession.create({ data: { workshopId: workshop.id, placeId: place.id, capacity: 10, startsAt: new Date("2026-12-10T14:00:00Z"), durationMinutes: 90 } })).id;
  for (const [email, role] of [
    ["admin@medianum.test", "admin"],
    ["coordination@medianum.test", "coordinator"],
  ] as const) {
    await db.prisma.user.create({ data: { email, displayName: email.split("@")[0]!, role, passwordHash: await hashPassword("mot-de-passe-de-test") } });
  }
  const config = {
    ...loadConfig({ NODE_ENV: "test", LOG_LEVEL: "trace", SMTP_URL: smtp.url, PUBLIC_URL, JOBS_ENABLED: "false" }),
    appsDir: fakeApps(),
  };
  const logStream = new Writable({
    write(chunk: Buffer, _enc, done) {
      logLines.push(...chunk.toString("utf8").split("\n").filter(Boolean));
      done();
    },
  });
  app = await buildServer({ config, db, now: () => clock.now, logStream });
});
afterAll(async () => {
  await app.close();
  await smtp.close();
  await db.close();
});

/** Runs the delivery job until the outbox has nothing left to send. */
async function deliverAll() {
  for (;;) {
    const run = await app.jobs.runOnce("outbox-delivery", { now: clock.now });
    const r = run.result as { sent: number; retried: number; failed: number; obsolete: number };
    if (r.sent + r.retried + r.failed + r.obsolete === 0) return;
  }
}

function received(to: string, subject: string): ParsedMail {
  const m = smtp.received.find((x) => x.subject?.startsWith(subject) && JSON.stringify(x.to).includes(to));
  if (!m) throw new Error(`nothing received by ${to}: ${subject}`);
  return m;
}
function linkIn(mail: ParsedMail, path: string): string {
  const m = new RegExp(`${PUBLIC_URL}${path.replace(/[?]/g, "\\?")}([A-Za-z0-9_-]{43})(\\s|$)`).exec(mail.text ?? "");
  if (!m) throw new Error(`no ${path} link in:\n${mail.text}`);
  return m[1]!;
}

describe("personal links are in no table and no log", () => {
  it("tokens just issued (on screen and by e-mail) appear in no column of any table, before or after delivery, nor in the logs; the e-mailed links work", async () => {
    const admin = await new Client().login("admin@medianum.test", "mot-de-passe-de-test");
    const coordination = await new Client().login("coordination@medianum.test", "mot-de-passe-de-test");
    const visitor = new Client();
    const invited = await admin.call("team.invite", { email: "nouvel.admin@medianum.test", displayName: "Nouvel Admin", role: "admin" });
    expect(invited.handover).toBeNull(); // SMTP is configured: e-mailed only
    const coordId = (await db.prisma.user.findUniqueOrThrow({ where: { email: "coordination@medianum.test" } })).id;
    expect((await admin.call("team.resetPassword", { userId: coordId })).handover).toBeNull();
    const booked = await visitor.call("booking.book", { sessionId, firstName: "Nadia", lastName: "Benali", email: "nadia@exemple.fr", seats: 2, consent: true });
    const submitted = await visitor.call("college.submit", {
      uai: "0470040N",
      establishmentName: "Collège Jasmin",
      address: "12 rue Jasmin",
      communeInsee: "47001",
      requesterName: "Claire Dupuy",
      requesterRole: "cpe",
      email: "cpe@college.fr",
      classes: [{ level: "5e", name: "5e A", pupils: 26 }],
      topics: ["cyberbullying"],
      periods: [{ from: "2027-01-11", to: "2027-01-22" }],
      consent: true,
    });
    await coordination.call("college.startReview", { requestId: submitted.requestId });
    const onScreen = [booked.manageToken as string, submitted.trackingToken as string];
    for (const t of onScreen) expect(t).toMatch(/^[A-Za-z0-9_-]{43}$/);

    const plainLink = /jeton=[A-Za-z0-9_-]{20}|\/inscription\/[A-Za-z0-9_-]{20}|\/colleges\/suivi\/[A-Za-z0-9_-]{20}/;
    const beforeDelivery = await dumpAllTables(db);
    expect(beforeDelivery).toContain("nouvel.admin@medianum.test"); // the dump does hold the data
    for (const t of onScreen) expect(beforeDelivery).not.toContain(t);
    expect(beforeDelivery).not.toMatch(plainLink);

    await deliverAll();
    const invite = linkIn(received("nouvel.admin@medianum.test", "Votre accès à Médianum"), "/pilotage/mot-de-passe?jeton=");
    const reset = linkIn(received("coordination@medianum.test", "Choisir un nouveau mot de passe"), "/pilotage/mot-de-passe?jeton=");
    const manage = linkIn(received("nadia@exemple.fr", "Inscription confirmée"), "/inscription/");
    const ack = linkIn(received("cpe@college.fr", "Demande de séance reçue"), "/colleges/suivi/");
    const review = linkIn(received("cpe@college.fr", "Votre demande est en cours d'étude"), "/colleges/suivi/");
    const issued = [...onScreen, invite, reset, manage, ack, review];
    expect(new Set(issued).size).toBe(issued.length);

    const afterDelivery = await dumpAllTables(db);
    for (const t of issued) expect(afterDelivery).not.toContain(t);
    expect(afterDelivery).not.toMatch(plainLink);
    // Delivered messages keep their envelope only.
    expect(await db.prisma.outboxEmail.count({ where: { status: "sent", OR: [{ text: { not: null } }, { html: { not: null } }, { ics: { not: null } }] } })).toBe(0);
    expect(await db.prisma.outboxEmail.count({ where: { status: "sent" } })).toBe(5);

    // The e-mailed links open their pages and work.
    expect((await app.inject(`/inscription/${manage}`)).body).toContain("<title>portal</title>");
    expect(await visitor.call("booking.manage", { token: manage }, "query")).toMatchObject({ status: "confirmed", seats: 2, firstName: "Nadia" });
    expect((await app.inject(`/colleges/suivi/${ack}`)).body).toContain("<title>portal</title>");
    expect(await visitor.call("college.tracking", { token: ack }, "query")).toMatchObject({ status: "under_review" });
    expect(await visitor.call("college.tracking", { token: review }, "query")).toMatchObject({ status: "under_review" });
    expect((await app.inject(`/pilotage/mot-de-passe?jeton=${invite}`)).body).toContain("<title>backoffice</title>");
    expect(await visitor.call("team.checkLink", { token: invite }, "query")).toMatchObject({ kind: "invite", email: "nouvel.admin@medianum.test" });
    expect(await visitor.call("team.setPassword", { token: invite, password: "le nouvel admin, le vrai", confirmation: "le nouvel admin, le vrai" })).toEqual({ role: "admin" });
    expect(await new Client().call("auth.login", { email: "nouvel.admin@medianum.test", password: "le nouvel admin, le vrai" })).toMatchObject({ role: "admin" });
    expect(await visitor.call("team.checkLink", { token: reset }, "query")).toMatchObject({ kind: "password_reset" });

    const afterUse = await dumpAllTables(db);
    for (const t of issued) expect(afterUse).not.toContain(t);

    // Every request above was logged (URLs redacted), and no line holds a token.
    expect(logLines.some((l) => l.includes('"url":"/inscription/[jeton]"'))).toBe(true);
    expect(logLines.some((l) => l.includes("/api/trpc/team.setPassword"))).toBe(true);
    for (const t of issued) expect(logLines.filter((l) => l.includes(t))).toEqual([]);
    expect(logLines.filter((l) => plainLink.test(l))).toEqual([]);
  });
});

describe("caching", () => {
  it("every /api answer is Cache-Control: no-store, whatever its kind or outcome", async () => {
    await new Client().call("booking.book", { sessionId, firstName: "Inès", lastName: "Haddad", email: "ines@exemple.fr", seats: 1, consent: true });
    const coordination = await new Client().login("coordination@medianum.test", "mot-de-passe-de-test");
    const query = (path: string, input: unknown) => `/api/trpc/${path}?input=${encodeURIComponent(JSON.stringify(superjson.serialize(input)))}`;
    const cookie = coordination.cookie;
    const answers = {
      "personal data (registrations of a session)": await app.inject({ url: query("workshop.sessionRegistrations", { sessionId }), headers: { cookie } }),
      "registrations CSV": await app.inject({
        method: "POST",
        url: "/api/trpc/workshop.exportRegistrations",
        payload: JSON.stringify(superjson.serialize({ sessionId })),
        headers: { cookie, "content-type": "application/json", "sec-fetch-site": "same-origin" },
      }),
      "export file": await app.inject({ url: "/api/exports/activities.csv?from=2026-01-01&to=2026-12-31", headers: { cookie } }),
      "public catalogue": await app.inject(query("booking.upcomingSessions", {})),
      "who am I": await app.inject({ url: query("auth.me", undefined), headers: { cookie } }),
      "a mutation": await app.inject({ method: "POST", url: "/api/trpc/auth.logout", payload: "{}", headers: { "content-type": "application/json", "sec-fetch-site": "same-origin" } }),
      "refused (no session)": await app.inject(query("workshop.sessionRegistrations", { sessionId })),
      "unknown API path": await app.inject("/api/nothing-here"),
      health: await app.inject("/api/health"),
    };
    expect(answers["personal data (registrations of a session)"].statusCode).toBe(200);
    expect(answers["personal data (registrations of a session)"].body).toContain("Haddad");
    expect(answers["export file"].statusCode).toBe(200);
    expect(answers["refused (no session)"].statusCode).toBe(401);
    expect(answers["unknown API path"].statusCode).toBe(404);
    expect(Object.fromEntries(Object.entries(answers).map(([k, r]) => [k, r.headers["cache-control"]]))).toEqual(
      Object.fromEntries(Object.keys(answers).map((k) => [k, "no-store"])),
    );
  });
});
