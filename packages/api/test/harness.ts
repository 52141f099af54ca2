import { randomUUID } from "node:crypto";
import type { Database } from "@medianum/db";
import { createTestDatabase } from "@medianum/db/testing";
import type { Role } from "@medianum/domain";
import { hashPassword } from "../src/auth/password.js";
import type { CookieOptions, RequestAdapter } from "../src/context.js";
import { createContext } from "../src/create-context.js";
import { appRouter } from "../src/root.js";
import { defaultApiConfig } from "../src/shared/config.js";
import { RateLimiter } from "../src/shared/rate-limit.js";
import { createCallerFactory } from "../src/trpc.js";

export const PASSWORD = "mot-de-passe-de-test";

/** A browser-like client: keeps the cookies the API sets and sends them back. */
export class TestClient {
  readonly cookies = new Map<string, string>();
  readonly setCookieCalls: Array<{ name: string; options: CookieOptions }> = [];
  constructor(
    private readonly h: Harness,
    readonly ip = "203.0.113.10",
  ) {}

  private adapter(): RequestAdapter {
    return {
      ip: this.ip,
      userAgent: "vitest",
      getCookie: (n) => this.cookies.get(n),
      setCookie: (n, v, options) => {
        this.cookies.set(n, v);
        this.setCookieCalls.push({ name: n, options });
      },
      clearCookie: (n) => this.cookies.delete(n),
    };
  }

  /** A tRPC caller going through the whole router (validation, middlewares, error formatting). */
  async api() {
    const ctx = await createContext(this.h.services, this.adapter());
    return createCaller(ctx);
  }

  async login(email: string, password = PASSWORD) {
    return (await this.api()).auth.login({ email, password });
  }
}

const createCaller = createCallerFactory(appRouter);

export interface Harness {
  db: Database;
  services: Parameters<typeof createContext>[0];
  clock: { now: Date };
  client(ip?: string): TestClient;
  close(): Promise<void>;
}

/** `smtpConfigured`: as with SMTP_URL set (invitation and reset links are e-mailed, never shown). */
export async function createHarness(now = new Date("2026-11-25T10:00:00Z"), opts: { smtpConfigured?: boolean } = {}): Promise<Harness> {
  const db = await createTestDatabase();
  const clock = { now };
  const services = {
    db,
    config: { ...defaultApiConfig, environment: "test" as const, smtpConfigured: opts.smtpConfigured ?? false },
    rateLimiter: new RateLimiter(db.raw, () => clock.now.getTime()),
    now: () => clock.now,
  };
  const h: Harness = {
    db,
    services,
    clock,
    client: (ip) => new TestClient(h, ip),
    close: () => db.close(),
  };
  return h;
}

// ─── Fixtures: the smallest real data each test needs ────────────────────────

export async function seedTerritory(db: Database) {
  const { prisma } = db;
  await prisma.departement.create({ data: { code: "47", name: "Lot-et-Garonne" } });
  await prisma.epci.create({ data: { code: "200096956", name: "Agglomération d'Agen", departementCode: "47", fragilityGroup: "less_exposed" } });
  await prisma.epci.create({ data: { code: "200068930", name: "CC du Pays de Duras", departementCode: "47", fragilityGroup: "highly_fragile" } });
  await prisma.commune.create({
    data: { inseeCode: "47001", name: "Agen", postalCodes: ["47000"], population: 32000, departementCode: "47", epciCode: "200096956", fragilityIndex: 13 },
  });
  await prisma.commune.create({
    data: { inseeCode: "47086", name: "Duras", postalCodes: ["47120"], population: 1400, departementCode: "47", epciCode: "200068930", fragilityIndex: 19 },
  });
}

export async function createPlace(db: Database, communeInsee = "47001", name = "Médiathèque Lacépède") {
  return db.prisma.place.create({
    data: { name, type: "mediatheque", address: "1 place Armand Fallières", postalCode: communeInsee === "47001" ? "47000" : "47120", communeInsee },
  });
}

export async function createUser(db: Database, role: Role, email: string, displayName = email.split("@")[0]!) {
  const user = await db.prisma.user.create({
    data: { email, displayName, role, passwordHash: await hashPassword(PASSWORD) },
  });
  const counsellor = role === "counsellor" ? await db.prisma.counsellor.create({ data: { userId: user.id } }) : null;
  return { user, counsellor };
}

export async function createWorkshopSession(
  db: Database,
  opts: { placeId: string; capacity: number; startsAt: Date; counsellorIds?: string[]; title?: string; isPublic?: boolean },
) {
  const workshop = await db.prisma.workshop.create({
    data: {
      title: opts.title ?? "Les écrans en famille",
      theme: "screens",
      audience: "parents",
      description: "Trouver un équilibre entre écrans et vie de famille.",
      isPublic: opts.isPublic ?? true,
    },
  });
  return db.prisma.workshopSession.create({
    data: {
      workshopId: workshop.id,
      startsAt: opts.startsAt,
      durationMinutes: 90,
      placeId: opts.placeId,
      capacity: opts.capacity,
      counsellors: { create: (opts.counsellorIds ?? []).map((counsellorId) => ({ counsellorId })) },
    },
  });
}

export function booking(sessionId: string, overrides: Record<string, unknown> = {}) {
  return {
    sessionId,
    firstName: "Amina",
    lastName: "Benali",
    email: `parent-${randomUUID().slice(0, 8)}@exemple.fr`,
    seats: 1,
    consent: true as const,
    ...overrides,
  };
}

/** Runs `fn` and returns the tRPC error it throws (fails the test when nothing is thrown). */
export async function errorOf(fn: () => Promise<unknown>) {
  try {
    await fn();
  } catch (e) {
    return e as import("@trpc/server").TRPCError & { details?: Record<string, unknown> };
  }
  throw new Error("expected an error, none was thrown");
}
