import { createHash, randomBytes, randomUUID } from "node:crypto";
import {
  dayToDateColumn,
  uaiCheckLetter,
  type AdministrativeTheme,
  type AgeBracket,
  type CollegeRequestActor,
  type CollegeRequestStatus,
  type CollegeTopic,
  type Equipment,
  type MediationTheme,
  type RedirectionStructure,
  type Role,
  type SocialStatus,
  type WorkshopTheme,
} from "@medianum/domain";
import type { Prisma, PrismaClient } from "../generated/prisma/client.js";
import {
  COLLECTIVE_TITLES,
  COLLEGES,
  COUNSELLORS,
  DEMO_PASSWORD,
  FIRST_NAMES,
  LAST_NAMES,
  PARTNERS,
  PLACES,
  PRESCRIPTION_NEEDS,
  REGISTRATION_NEEDS,
  STAFF,
  THEME_WEIGHTS,
  WORKSHOPS,
  YEARLY_OBJECTIVES,
  type PlaceSeed,
} from "./data.js";
import { addDays, isClosedDay, isoDate, parisDay, parisTime, Random, weekday } from "./random.js";
import { loadTerritory, normaliseEpciName, type SeedCommune, type Territory } from "./territory.js";

// Demo data for a fresh instance: the real territory of Lot-et-Garonne, a team of six counsellors,
// places, partners, e-parentalité workshops with bookings, collège requests in every state, a year
// of activity records and Pass numérique cheques. Deterministic for a given `now` (seeded PRNG;
// only ids, token hashes and password salts are random), so tests can rely on the counts.

export { DEMO_PASSWORD } from "./data.js";
export { mulberry32 } from "./random.js";
export { normaliseEpciName, fragilityGroupOf } from "./territory.js";

export interface SeedDemoOptions {
  /** argon2id from the API layer (the db package has no password hashing of its own). */
  hashPassword: (password: string) => Promise<string>;
  /** Reference instant for past and upcoming dates; defaults to the current time. */
  now?: Date;
}

export interface SeedDemoResult {
  seeded: boolean;
  summary: Record<string, number>;
  logins: Array<{ role: Role; email: string; password: string }>;
}

const PRNG_SEED = 47_2026;
/** Serialises concurrent seeds (two server processes starting on the same empty database). */
const SEED_LOCK_KEY = 47_000_001;

type Tx = Prisma.TransactionClient;

interface DemoRows {
  departements: Prisma.DepartementCreateManyInput[];
  epcis: Prisma.EpciCreateManyInput[];
  communes: Prisma.CommuneCreateManyInput[];
  partners: Prisma.PartnerCreateManyInput[];
  places: Prisma.PlaceCreateManyInput[];
  users: Prisma.UserCreateManyInput[];
  counsellors: Prisma.CounsellorCreateManyInput[];
  workshops: Prisma.WorkshopCreateManyInput[];
  workshopSessions: Prisma.WorkshopSessionCreateManyInput[];
  workshopSessionCounsellors: Prisma.WorkshopSessionCounsellorCreateManyInput[];
  registrations: Prisma.RegistrationCreateManyInput[];
  collegeRequests: Prisma.CollegeRequestCreateManyInput[];
  collegeClasses: Prisma.CollegeClassCreateManyInput[];
  collegeRequestEvents: Prisma.CollegeRequestEventCreateManyInput[];
  collegeRequestMessages: Prisma.CollegeRequestMessageCreateManyInput[];
  collegeSessions: Prisma.CollegeSessionCreateManyInput[];
  collegeSessionClasses: Prisma.CollegeSessionClassCreateManyInput[];
  collegeSessionCounsellors: Prisma.CollegeSessionCounsellorCreateManyInput[];
  collegeSlots: Prisma.CollegeSlotCreateManyInput[];
  collegeSlotCounsellors: Prisma.CollegeSlotCounsellorCreateManyInput[];
  feedbackInvitations: Prisma.FeedbackInvitationCreateManyInput[];
  feedbackAnswers: Prisma.FeedbackAnswerCreateManyInput[];
  activityRecords: Prisma.ActivityRecordCreateManyInput[];
  passPrescriptions: Prisma.PassPrescriptionCreateManyInput[];
  passCheques: Prisma.PassChequeCreateManyInput[];
  yearlyObjectives: Prisma.YearlyObjectiveCreateManyInput[];
}

/** The demo accounts, all with DEMO_PASSWORD (printed by `npm start`). */
export function demoAccounts(): Array<{ role: Role; email: string; password: string }> {
  return [
    ...STAFF.map((s) => ({ email: s.email, role: s.role as Role })),
    ...COUNSELLORS.map((c) => ({ email: c.email, role: "counsellor" as Role })),
  ].map((a) => ({ ...a, password: DEMO_PASSWORD }));
}

/**
 * Fills an empty database with demo data. Does nothing (seeded: false) when there is already a
 * user: the server calls it at start-up on every boot.
 */
export async function seedDemo(prisma: PrismaClient, opts?: SeedDemoOptions): Promise<SeedDemoResult> {
  const notSeeded: SeedDemoResult = { seeded: false, summary: {}, logins: [] };
  if ((await prisma.user.count()) > 0) return notSeeded;
  if (!opts?.hashPassword) throw new Error("seedDemo : opts.hashPassword est requis pour créer les comptes de démonstration.");

  const now = opts.now ?? new Date();
  const rnd = new Random(PRNG_SEED);
  const territory = await loadTerritory(rnd);
  const accounts = demoAccounts();
  const hashes = new Map<string, string>();
  for (const a of accounts) hashes.set(a.email, await opts.hashPassword(DEMO_PASSWORD));

  const rows = buildDemo(territory, now, rnd, hashes);

  const seeded = await prisma.$transaction(
    async (tx) => {
      await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(${SEED_LOCK_KEY})`);
      if ((await tx.user.count()) > 0) return false;
      await insert(tx, rows);
      return true;
    },
    { maxWait: 30_000, timeout: 120_000 },
  );
  if (!seeded) return notSeeded;

  const summary = Object.fromEntries(Object.entries(rows).map(([k, v]) => [k, (v as unknown[]).length]));
  return { seeded: true, summary, logins: accounts };
}

async function insert(tx: Tx, r: DemoRows): Promise<void> {
  // In foreign-key order.
  await tx.departement.createMany({ data: r.departements });
  await tx.epci.createMany({ data: r.epcis });
  await tx.commune.createMany({ data: r.communes });
  await tx.partner.createMany({ data: r.partners });
  await tx.place.createMany({ data: r.places });
  await tx.user.createMany({ data: r.users });
  await tx.counsellor.createMany({ data: r.counsellors });
  await tx.workshop.createMany({ data: r.workshops });
  await tx.workshopSession.createMany({ data: r.workshopSessions });
  await tx.workshopSessionCounsellor.createMany({ data: r.workshopSessionCounsellors });
  // One by one in arrival order would be slow; createMany keeps the order of `data`, and the
  // `arrival` sequence follows it.
  await tx.registration.createMany({ data: r.registrations });
  await tx.collegeRequest.createMany({ data: r.collegeRequests });
  await tx.collegeClass.createMany({ data: r.collegeClasses });
  await tx.collegeRequestEvent.createMany({ data: r.collegeRequestEvents });
  await tx.collegeRequestMessage.createMany({ data: r.collegeRequestMessages });
  await tx.collegeSlot.createMany({ data: r.collegeSlots });
  await tx.collegeSlotCounsellor.createMany({ data: r.collegeSlotCounsellors });
  await tx.collegeSession.createMany({ data: r.collegeSessions });
  await tx.collegeSessionClass.createMany({ data: r.collegeSessionClasses });
  await tx.collegeSessionCounsellor.createMany({ data: r.collegeSessionCounsellors });
  await tx.activityRecord.createMany({ data: r.activityRecords });
  await tx.feedbackInvitation.createMany({ data: r.feedbackInvitations });
  await tx.feedbackAnswer.createMany({ data: r.feedbackAnswers });
  await tx.passPrescription.createMany({ data: r.passPrescriptions });
  await tx.passCheque.createMany({ data: r.passCheques });
  await tx.yearlyObjective.createMany({ data: r.yearlyObjectives });
}

// ─── Building the rows ──────────────────────────────────────────────────────

function tokenHash(): string {
  // The token itself would be sent by e-mail; demo rows only need a unique, unguessable hash.
  return createHash("sha256").update(randomBytes(32).toString("base64url")).digest("hex");
}

function slug(s: string): string {
  return s
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "");
}

interface CounsellorCtx {
  id: string;
  userId: string;
  epciCodes: string[];
  usualPlaceId: string;
  places: PlacedRow[];
  communes: SeedCommune[];
  postStartsOn: Date;
}
interface PlacedRow {
  id: string;
  seed: PlaceSeed;
  communeInsee: string;
  epciCode: string;
}

function buildDemo(territory: Territory, now: Date, rnd: Random, hashes: Map<string, string>): DemoRows {
  const today = parisDay(now);
  const communeByName = new Map(territory.communes.map((c) => [c.name, c]));
  const commune = (name: string): SeedCommune => {
    const c = communeByName.get(name);
    if (!c) throw new Error(`Commune « ${name} » absente des communes du 47.`);
    return c;
  };
  const epciByName = new Map(territory.epcis.map((e) => [normaliseEpciName(e.name), e]));
  const epciCode = (name: string): string => {
    const e = epciByName.get(normaliseEpciName(name));
    if (!e) throw new Error(`EPCI « ${name} » introuvable.`);
    return e.code;
  };
  const setupDay = addDays(today, -400);

  const rows: DemoRows = {
    departements: territory.departements,
    epcis: territory.epcis,
    communes: territory.communes.map((c) => ({ ...c, departementCode: "47" })),
    partners: [],
    places: [],
    users: [],
    counsellors: [],
    workshops: [],
    workshopSessions: [],
    workshopSessionCounsellors: [],
    registrations: [],
    collegeRequests: [],
    collegeClasses: [],
    collegeRequestEvents: [],
    collegeRequestMessages: [],
    collegeSessions: [],
    collegeSessionClasses: [],
    collegeSessionCounsellors: [],
    collegeSlots: [],
    collegeSlotCounsellors: [],
    feedbackInvitations: [],
    feedbackAnswers: [],
    activityRecords: [],
    passPrescriptions: [],
    passCheques: [],
    yearlyObjectives: [],
  };

  // Partners and places.
  const partnerIds = new Map<string, string>();
  for (const p of PARTNERS) {
    const c = commune(p.commune);
    const id = randomUUID();
    partnerIds.set(p.key, id);
    rows.partners.push({
      id,
      name: p.name,
      kind: p.kind,
      description: p.description,
      services: p.services,
      address: `${p.address}, ${c.postalCodes[0]} ${c.name}`,
      communeInsee: c.inseeCode,
      phone: p.phone ?? null,
      website: p.website ?? null,
      openingHours: p.hours,
      createdAt: setupDay,
    });
  }
  const places: PlacedRow[] = PLACES.map((seed) => {
    const c = commune(seed.commune);
    return { id: randomUUID(), seed, communeInsee: c.inseeCode, epciCode: c.epciCode };
  });
  const placeByKey = new Map(places.map((p) => [p.seed.key, p]));
  for (const p of places) {
    const c = commune(p.seed.commune);
    rows.places.push({
      id: p.id,
      name: p.seed.name,
      type: p.seed.type,
      address: p.seed.address,
      postalCode: c.postalCodes[0]!,
      communeInsee: c.inseeCode,
      phone: p.seed.phone ?? null,
      email: p.seed.email ?? null,
      openingHours: p.seed.hours,
      services: p.seed.services,
      accessInfo: p.seed.accessInfo ?? null,
      latitude: p.seed.lat,
      longitude: p.seed.lon,
      partnerId: p.seed.partner ? partnerIds.get(p.seed.partner)! : null,
      createdAt: setupDay,
    });
  }
  // The official lists carry no coordinates: a demo commune's centre is the middle of its demo
  // places (town-centre addresses), so the portal can sort sessions by distance from it.
  for (const c of rows.communes) {
    const here = PLACES.filter((p) => commune(p.commune).inseeCode === c.inseeCode);
    if (here.length === 0) continue;
    c.latitude = Math.round((here.reduce((sum, p) => sum + p.lat, 0) / here.length) * 1e4) / 1e4;
    c.longitude = Math.round((here.reduce((sum, p) => sum + p.lon, 0) / here.length) * 1e4) / 1e4;
  }

  // Users and counsellors.
  const userIds = new Map<string, string>();
  for (const s of STAFF) {
    const id = randomUUID();
    userIds.set(s.key, id);
    rows.users.push({ id, email: s.email, passwordHash: hashes.get(s.email)!, displayName: s.displayName, role: s.role, createdAt: setupDay });
  }
  const coordinatorId = userIds.get("coordination")!;
  const counsellors: CounsellorCtx[] = COUNSELLORS.map((c) => {
    const userId = randomUUID();
    const id = randomUUID();
    const epciCodes = [...new Set(c.territory.map(epciCode))];
    const usual = placeByKey.get(c.usualPlace);
    if (!usual) throw new Error(`Lieu ${c.usualPlace} inconnu.`);
    const own = places.filter((p) => epciCodes.includes(p.epciCode));
    rows.users.push({ id: userId, email: c.email, passwordHash: hashes.get(c.email)!, displayName: c.displayName, role: "counsellor", createdAt: setupDay });
    rows.counsellors.push({
      id,
      userId,
      phone: c.phone,
      usualPlaceId: usual.id,
      territoryEpciCodes: epciCodes,
      postStartsOn: dayToDateColumn(c.postStartsOn),
      createdAt: setupDay,
    });
    return {
      id,
      userId,
      epciCodes,
      usualPlaceId: usual.id,
      places: own.includes(usual) ? own : [usual, ...own],
      communes: territory.communes.filter((x) => epciCodes.includes(x.epciCode)),
      postStartsOn: dayToDateColumn(c.postStartsOn),
    };
  });

  const person = () => {
    const firstName = rnd.pick(FIRST_NAMES);
    const lastName = rnd.pick(LAST_NAMES);
    return { firstName, lastName, email: `${slug(firstName)}.${slug(lastName)}@exemple.fr` };
  };

  buildWorkshops(rows, { now, today, rnd, places, counsellors, person });
  const booked = buildColleges(rows, { today, rnd, commune, placeByKey, counsellors, coordinatorId });
  buildSlots(rows, { today, counsellors, coordinatorId, booked });
  buildActivities(rows, { today, rnd, counsellors });
  buildPass(rows, { now, today, rnd, counsellors });
  buildFeedback(rows, { now, workshopThemes: new Map(rows.workshops.map((w) => [w.id!, w.theme])) });

  const year = Number(isoDate(today).slice(0, 4));
  rows.yearlyObjectives = YEARLY_OBJECTIVES.map((o) => ({ year, ...o }));
  return rows;
}

// ─── Workshops, sessions and registrations ──────────────────────────────────

const WORKSHOP_PLACE_TYPES = new Set(["mediatheque", "centre_social", "france_services", "college", "association"]);

const THEMES_OF_WORKSHOP: Record<WorkshopTheme, MediationTheme[]> = {
  screens: ["Parentalite", "CultureNumerique"],
  social_networks: ["Parentalite", "ReseauxSociaux"],
  cyberbullying: ["Parentalite", "SecuriteNumerique"],
  school_tools: ["Parentalite", "ScolariteEtNumerique"],
  parental_control: ["Parentalite", "SecuriteNumerique"],
  video_games: ["Parentalite", "CultureNumerique"],
  other: ["Parentalite"],
};

function buildWorkshops(
  rows: DemoRows,
  ctx: {
    now: Date;
    today: Date;
    rnd: Random;
    places: PlacedRow[];
    counsellors: CounsellorCtx[];
    person: () => { firstName: string; lastName: string; email: string };
  },
) {
  const { now, today, rnd, counsellors } = ctx;
  const workshopIds = WORKSHOPS.map((w) => {
    const id = randomUUID();
    rows.workshops.push({ id, ...w, isPublic: true, createdAt: addDays(today, -120) });
    return id;
  });
  const venues = ctx.places.filter((p) => WORKSHOP_PLACE_TYPES.has(p.seed.type));

  const counsellorsFor = (place: PlacedRow, n: number) => {
    const local = counsellors.filter((c) => c.epciCodes.includes(place.epciCode));
    const pool = local.length > 0 ? local : counsellors;
    const first = rnd.pick(pool);
    if (n === 1) return [first];
    const second = rnd.pick(counsellors.filter((c) => c !== first));
    return [first, second];
  };

  const addRegistration = (
    sessionId: string,
    seats: number,
    status: "confirmed" | "waitlisted" | "cancelled" | "attended" | "no_show",
    createdAt: Date,
    extra: Partial<Prisma.RegistrationCreateManyInput> = {},
  ) => {
    const p = ctx.person();
    const byPhone = rnd.chance(0.2);
    rows.registrations.push({
      id: randomUUID(),
      sessionId,
      status,
      seats,
      firstName: p.firstName,
      lastName: p.lastName,
      email: byPhone ? null : p.email,
      phone: byPhone || rnd.chance(0.3) ? `06 39 98 ${String(rnd.int(30, 99))} ${String(rnd.int(10, 99))}` : null,
      need: rnd.pick(REGISTRATION_NEEDS),
      consentAt: createdAt,
      manageTokenHash: tokenHash(),
      source: byPhone ? "staff" : "portal",
      createdAt,
      updatedAt: createdAt,
      ...extra,
    });
  };
  const seatsOfBooking = (left: number) => Math.min(left, Number(rnd.weighted({ "1": 55, "2": 30, "3": 12, "4": 3 })));

  const addSession = (i: number, day: Date, status: "scheduled" | "done" | "cancelled") => {
    const sat = weekday(day) === 6;
    const wed = weekday(day) === 3;
    const [h, m] = sat ? [10, 0] : wed ? [14, 0] : rnd.pick([[18, 0], [18, 30], [9, 30], [14, 0]] as const);
    const place = rnd.pick(venues);
    const id = randomUUID();
    const workshopIndex = i % WORKSHOPS.length;
    const capacity = rnd.int(8, 15);
    const assigned = counsellorsFor(place, rnd.chance(0.35) ? 2 : 1);
    rows.workshopSessions.push({
      id,
      workshopId: workshopIds[workshopIndex]!,
      startsAt: parisTime(day, h, m),
      durationMinutes: rnd.pick([90, 90, 120]),
      placeId: place.id,
      capacity,
      status,
      accessInfo: place.seed.accessInfo ?? null,
      cancelledAt: status === "cancelled" ? addDays(now, -1) : null,
      cancelReason: status === "cancelled" ? "La salle n'est plus disponible ce jour-là ; une nouvelle date sera proposée." : null,
      // Planned well before its first registration.
      createdAt: new Date(Math.min(addDays(day, -30).getTime(), addDays(now, -21).getTime())),
    });
    for (const c of assigned) rows.workshopSessionCounsellors.push({ sessionId: id, counsellorId: c.id });
    return { id, capacity, place, assigned, workshopIndex, start: parisTime(day, h, m) };
  };

  // No workshop for parents on a Sunday, a public holiday or between Christmas Eve and New Year;
  // past sessions move earlier, upcoming ones later unless that leaves the 8 weeks.
  const closed = (d: Date) => isClosedDay(d) || /-12-(2[4-9]|3[01])$/.test(isoDate(d));
  const openDay = (d: Date): Date => {
    const future = d > today;
    let day = d;
    while (closed(day)) day = addDays(day, future ? 1 : -1);
    if (future && day > addDays(today, 55)) for (day = d; closed(day); ) day = addDays(day, -1);
    return day;
  };

  // Upcoming: 15 sessions over the next 8 weeks, one more cancelled.
  const UPCOMING = 15;
  for (let i = 0; i < UPCOMING; i++) {
    const day = openDay(addDays(today, 2 + Math.round((i * 53) / (UPCOMING - 1))));
    const s = addSession(i, day, "scheduled");
    // Session 2 is full (with a waitlist), 1, 5 and 9 have 1–2 seats left, the others fill up
    // as the date gets near.
    const target =
      i === 2 ? s.capacity : i === 5 || i === 9 ? s.capacity - 1 : i === 1 ? s.capacity - 2 : Math.round(s.capacity * rnd.between(i < 8 ? 0.3 : 0.1, i < 8 ? 0.7 : 0.4));
    let taken = 0;
    while (taken < target) {
      const seats = seatsOfBooking(target - taken);
      taken += seats;
      const createdAt = new Date(now.getTime() - rnd.int(1, 20 * 24) * 3_600_000);
      addRegistration(s.id, seats, "confirmed", createdAt);
    }
    if (i === 2) addRegistration(s.id, 1, "waitlisted", new Date(now.getTime() - 3_600_000));
    if (i === 4) {
      const at = new Date(now.getTime() - 48 * 3_600_000);
      addRegistration(s.id, 2, "cancelled", addDays(at, -5), { cancelledAt: at, updatedAt: at });
    }
  }
  addSession(UPCOMING, openDay(addDays(today, 16)), "cancelled");

  // Past sessions: done, with attendance and the collective record the counsellor filed.
  for (const daysAgo of [40, 31, 24, 13, 6]) {
    const day = openDay(addDays(today, -daysAgo));
    const s = addSession(rows.workshopSessions.length, day, "done");
    const target = Math.round(s.capacity * rnd.between(0.6, 1));
    let taken = 0;
    let attended = 0;
    while (taken < target) {
      const seats = seatsOfBooking(target - taken);
      taken += seats;
      const present = rnd.chance(0.82);
      if (present) attended += seats;
      const createdAt = addDays(s.start, -rnd.int(2, 20));
      addRegistration(s.id, seats, present ? "attended" : "no_show", createdAt, {
        checkedInAt: present ? s.start : null,
        updatedAt: s.start,
      });
    }
    const w = WORKSHOPS[s.workshopIndex]!;
    const n = Math.max(1, attended);
    rows.activityRecords.push({
      id: randomUUID(),
      counsellorId: s.assigned[0]!.id,
      type: "Collectif",
      date: day,
      durationMinutes: 90,
      locationType: "LieuActivite",
      placeId: s.place.id,
      communeInsee: s.place.communeInsee,
      themes: THEMES_OF_WORKSHOP[w.theme],
      administrativeThemes: [],
      equipment: w.theme === "school_tools" || w.theme === "parental_control" ? ["Telephone", "Tablette"] : [],
      workshopTitle: w.title,
      workshopLevel: "Debutant",
      participantsCount: n,
      participantBreakdown: {
        gender: rnd.spread(n, { Feminin: 70, Masculin: 30 }),
        ageBracket: rnd.spread(n, { VingtCinqTrenteNeuf: 45, QuaranteCinquanteNeuf: 50, NonCommunique: 5 }),
        socialStatus: rnd.spread(n, { EnEmploi: 55, SansEmploi: 30, NonCommunique: 15 }),
      },
      workshopSessionId: s.id,
      createdAt: addDays(s.start, 1),
      updatedAt: addDays(s.start, 1),
    });
  }
}

// ─── Collège requests ───────────────────────────────────────────────────────

const THEMES_OF_COLLEGE_TOPIC: Record<CollegeTopic, MediationTheme[]> = {
  cyberbullying: ["ReseauxSociaux", "SecuriteNumerique"],
  e_reputation: ["ReseauxSociaux", "CultureNumerique"],
  social_network_economics: ["ReseauxSociaux", "CultureNumerique"],
  other: ["CultureNumerique"],
};
const TOPIC_TITLES: Record<CollegeTopic, string> = {
  cyberbullying: "Cyberharcèlement",
  e_reputation: "E-réputation",
  social_network_economics: "Modèle économique des réseaux sociaux",
  other: "Sensibilisation",
};

function buildColleges(
  rows: DemoRows,
  ctx: {
    today: Date;
    rnd: Random;
    commune: (name: string) => SeedCommune;
    placeByKey: Map<string, PlacedRow>;
    counsellors: CounsellorCtx[];
    coordinatorId: string;
  },
): BookedSlot[] {
  const { today } = ctx;
  const booked: BookedSlot[] = [];
  // The collèges booked on slots draw from their own sequence: the demo data that follows (the
  // year of records, the cheques) stays the same as before they were added.
  const slotRnd = new Random(PRNG_SEED + 1);
  for (const col of COLLEGES) {
    const rnd = col.bookedSlot ? slotRnd : ctx.rnd;
    const digits = `047${col.number}`;
    const uai = `${digits}${uaiCheckLetter(digits)}`;
    const c = ctx.commune(col.commune);
    const counsellor = ctx.counsellors[col.counsellor]!;
    const requestId = randomUUID();
    const receivedDay = addDays(today, -col.receivedDaysAgo);
    const receivedAt = parisTime(receivedDay, 10, 15);
    let sessionDay = col.sessionInDays === undefined ? null : addDays(today, col.sessionInDays);
    // Collèges: Monday to Friday, not on a public holiday.
    // A booked slot falls on the days its publication offers (Tuesday and Thursday mornings).
    const dayOff = (d: Date) => isClosedDay(d) || weekday(d) === 6 || (col.bookedSlot === true && !SLOT_WEEKDAYS.includes(weekday(d)));
    while (sessionDay && dayOff(sessionDay)) sessionDay = addDays(sessionDay, col.sessionInDays! > 0 ? 1 : -1);

    // History: every step is one the domain state machine accepts (checked by the seed test).
    type Step = { to: CollegeRequestStatus; actor: CollegeRequestActor; at: Date; reason?: string };
    const steps: Step[] = col.bookedSlot
      ? [{ to: "scheduled", actor: "college", at: receivedAt, reason: "Créneau réservé sur le portail" }]
      : [{ to: "received", actor: "college", at: receivedAt }];
    const staffAt = (days: number) => parisTime(addDays(receivedDay, days), 11, 0);
    if (col.bookedSlot) {
      if (col.status === "done") steps.push({ to: "done", actor: "counsellor", at: parisTime(addDays(sessionDay!, 1), 16, 30) });
    } else switch (col.status) {
      case "under_review":
        steps.push({ to: "under_review", actor: "staff", at: staffAt(2) });
        break;
      case "scheduled":
        steps.push({ to: "under_review", actor: "staff", at: staffAt(2) }, { to: "scheduled", actor: "staff", at: staffAt(6) });
        break;
      case "done":
        steps.push(
          { to: "under_review", actor: "staff", at: staffAt(2) },
          { to: "scheduled", actor: "staff", at: staffAt(6) },
          { to: "done", actor: "counsellor", at: parisTime(addDays(sessionDay!, 1), 16, 30) },
        );
        break;
      case "declined":
        steps.push({ to: "under_review", actor: "staff", at: staffAt(1) }, { to: "declined", actor: "staff", at: staffAt(4), reason: col.declineReason! });
        break;
      case "cancelled":
        steps.push(
          { to: "under_review", actor: "staff", at: staffAt(3) },
          { to: "cancelled", actor: "college", at: staffAt(8), reason: "La sortie scolaire de fin de trimestre a été avancée sur ces dates." },
        );
        break;
      case "received":
        break;
    }
    const last = steps[steps.length - 1]!;
    rows.collegeRequests.push({
      id: requestId,
      uai,
      establishmentName: col.name,
      address: col.address,
      communeInsee: c.inseeCode,
      requesterName: col.requester.name,
      requesterRole: col.requester.role,
      email: `${slug(col.requester.name.split(" ")[0]!)}.${slug(col.requester.name.split(" ").slice(1).join(""))}@exemple.fr`,
      phone: `05 36 49 ${String(20 + rows.collegeRequests.length)} ${String(rnd.int(10, 99))}`,
      topics: col.topics,
      otherTopic: col.otherTopic ?? null,
      periods: col.bookedSlot
        ? // The slot's day is the period the collège chose.
          [{ from: isoDate(sessionDay!), to: isoDate(sessionDay!) }]
        : [
            { from: isoDate(addDays(receivedDay, 14)), to: isoDate(addDays(receivedDay, 45)) },
            ...(col.sessionInDays !== undefined && col.sessionInDays > 30 ? [] : [{ from: isoDate(addDays(receivedDay, 50)), to: isoDate(addDays(receivedDay, 70)) }]),
          ],
      constraints: col.constraints ?? null,
      status: col.status,
      declineReason: col.declineReason ?? null,
      trackingTokenHash: tokenHash(),
      consentAt: receivedAt,
      createdAt: receivedAt,
      updatedAt: last.at,
    });
    let from: CollegeRequestStatus | null = null;
    for (const s of steps) {
      rows.collegeRequestEvents.push({
        id: randomUUID(),
        requestId,
        fromStatus: from,
        toStatus: s.to,
        actorType: s.actor,
        actorUserId: s.actor === "staff" ? ctx.coordinatorId : s.actor === "counsellor" ? counsellor.userId : null,
        reason: s.reason ?? null,
        createdAt: s.at,
      });
      from = s.to;
    }

    const classIds = col.classes.map((cl) => {
      const id = randomUUID();
      rows.collegeClasses.push({ id, requestId, level: cl.level, name: cl.name, pupils: cl.pupils });
      return { id, ...cl };
    });

    if (col.status === "scheduled" && !col.bookedSlot) {
      rows.collegeRequestMessages.push(
        { id: randomUUID(), requestId, author: "staff", body: `Bonjour, la séance est programmée : ${classIds.length} classes, en deux heures. Le conseiller prendra contact avec vous la semaine précédente.`, createdAt: staffAt(6) },
        { id: randomUUID(), requestId, author: "college", body: "Merci ! Nous réservons le CDI. Un vidéoprojecteur sera disponible.", createdAt: staffAt(7) },
      );
    }

    if (sessionDay && (col.status === "scheduled" || col.status === "done")) {
      const done = col.status === "done";
      const sessionId = randomUUID();
      const startsAt = parisTime(sessionDay, 9, 0);
      const place = col.place ? ctx.placeByKey.get(col.place)! : null;
      const covered = col.topics.filter((t) => t !== "other");
      const durationMinutes = col.bookedSlot ? SLOT_MINUTES : 55 * classIds.length;
      const slotId = col.bookedSlot ? randomUUID() : null;
      if (slotId) booked.push({ slotId, day: isoDate(sessionDay), counsellorId: counsellor.id });
      rows.collegeSessions.push({
        id: sessionId,
        requestId,
        slotId,
        startsAt,
        durationMinutes,
        room: place ? "CDI" : "Salle polyvalente",
        placeId: place?.id ?? null,
        status: done ? "done" : "scheduled",
        reportedAt: done ? last.at : null,
        topicsCovered: done ? covered : [],
        remarks: done ? "Élèves très participatifs ; beaucoup de questions sur les comptes privés et les captures d'écran." : null,
        createdAt: col.bookedSlot ? receivedAt : staffAt(6),
        updatedAt: done ? last.at : col.bookedSlot ? receivedAt : staffAt(6),
      });
      rows.collegeSessionCounsellors.push({ sessionId, counsellorId: counsellor.id });
      let present = 0;
      for (const cl of classIds) {
        const p = done ? cl.pupils - rnd.int(0, 2) : null;
        present += p ?? 0;
        rows.collegeSessionClasses.push({ sessionId, classId: cl.id, pupilsPresent: p });
      }
      if (done) {
        const young = classIds.filter((cl) => cl.level === "6e").reduce((s, cl) => s + cl.pupils, 0) > 0;
        rows.activityRecords.push({
          id: randomUUID(),
          counsellorId: counsellor.id,
          type: "Collectif",
          date: sessionDay,
          durationMinutes,
          locationType: place ? "LieuActivite" : "Autre",
          placeId: place?.id ?? null,
          communeInsee: c.inseeCode,
          themes: [...new Set(col.topics.flatMap((t) => THEMES_OF_COLLEGE_TOPIC[t]))],
          administrativeThemes: [],
          equipment: [],
          workshopTitle: `${TOPIC_TITLES[col.topics[0]!]} — ${col.name}`,
          workshopLevel: "Debutant",
          participantsCount: present,
          participantBreakdown: {
            gender: rnd.spread(present, { Feminin: 50, Masculin: 50 }),
            ageBracket: young ? rnd.spread(present, { MoinsDeDouze: 85, DouzeDixHuit: 15 }) : { DouzeDixHuit: present },
            socialStatus: { Scolarise: present },
          },
          collegeSessionId: sessionId,
          createdAt: last.at,
          updatedAt: last.at,
        });
      }
    }
  }
  return booked;
}

// ─── Published collège slots ────────────────────────────────────────────────

/** Agen's counsellor offers the collèges of their territory Tuesday and Thursday mornings. */
const SLOT_WEEKDAYS = [2, 4];
const SLOT_MINUTES = 110;

/** A slot a demo collège booked (buildColleges made its session): published with the others. */
interface BookedSlot {
  slotId: string;
  day: string;
  counsellorId: string;
}

/** Summer, autumn and Christmas school holidays (zone A, approximately): no slot is offered then. */
const schoolHoliday = (d: Date) => /-(07-(0[6-9]|[123]\d)|08-\d\d|10-(1[89]|2\d|3[01])|11-0[12]|12-(19|2\d|3[01])|01-0[1-4])$/.test(isoDate(d));

/**
 * Two publications, as coordination makes them in the back-office: Agen's counsellor on Tuesday
 * and Thursday mornings from six weeks ago to five weeks ahead (2 classes, their EPCIs; three
 * collèges booked some), and Villeneuve's counsellor on Friday afternoons over the next five weeks
 * (1 class, the whole département, bookable until three days before). A day the counsellor is
 * already busy is left out, as the publication's conflict check would.
 */
function buildSlots(rows: DemoRows, ctx: { today: Date; counsellors: CounsellorCtx[]; coordinatorId: string; booked: BookedSlot[] }) {
  const { today, counsellors } = ctx;
  const busy = new Map<string, Set<string>>();
  const markBusy = (counsellorId: string, at: Date) => {
    const days = busy.get(counsellorId) ?? new Set<string>();
    days.add(isoDate(parisDay(at)));
    busy.set(counsellorId, days);
  };
  const sessionStarts = new Map<string, Date>();
  for (const s of rows.workshopSessions) sessionStarts.set(s.id!, new Date(s.startsAt));
  for (const a of rows.workshopSessionCounsellors) markBusy(a.counsellorId, sessionStarts.get(a.sessionId)!);
  for (const s of rows.collegeSessions) sessionStarts.set(s.id!, new Date(s.startsAt));
  for (const a of rows.collegeSessionCounsellors) markBusy(a.counsellorId, sessionStarts.get(a.sessionId)!);

  const publications = [
    { counsellor: counsellors[0]!, weekdays: SLOT_WEEKDAYS, hour: 9, minutes: SLOT_MINUTES, capacity: 2, from: -42, to: 35, epciCodes: counsellors[0]!.epciCodes, topics: ["cyberbullying", "e_reputation", "social_network_economics"], deadlineDays: null, publishedDaysAgo: 49 },
    { counsellor: counsellors[1]!, weekdays: [5], hour: 14, minutes: 55, capacity: 1, from: 3, to: 38, epciCodes: [], topics: ["cyberbullying"], deadlineDays: 3, publishedDaysAgo: 5 },
  ];
  for (const pub of publications) {
    const batchId = randomUUID();
    const createdAt = parisTime(addDays(today, -pub.publishedDaysAgo), 10, 0);
    const booked = new Map(ctx.booked.filter((b) => b.counsellorId === pub.counsellor.id).map((b) => [b.day, b]));
    for (let offset = pub.from; offset <= pub.to; offset++) {
      const day = addDays(today, offset);
      const b = booked.get(isoDate(day));
      if (!b && (!pub.weekdays.includes(weekday(day)) || isClosedDay(day) || schoolHoliday(day) || busy.get(pub.counsellor.id)?.has(isoDate(day)))) continue;
      const id = b?.slotId ?? randomUUID();
      booked.delete(isoDate(day));
      rows.collegeSlots.push({
        id,
        startsAt: parisTime(day, pub.hour, 0),
        durationMinutes: pub.minutes,
        topics: pub.topics,
        capacityClasses: pub.capacity,
        communeInsees: [],
        epciCodes: pub.epciCodes,
        bookingClosesAt: pub.deadlineDays === null ? null : parisTime(addDays(day, -pub.deadlineDays), 18, 0),
        status: "open",
        batchId,
        createdById: ctx.coordinatorId,
        createdAt,
        updatedAt: createdAt,
      });
      rows.collegeSlotCounsellors.push({ slotId: id, counsellorId: pub.counsellor.id });
    }
    if (pub.counsellor === counsellors[0] && booked.size > 0) throw new Error(`Créneaux réservés hors de la publication : ${[...booked.keys()].join(", ")}.`);
  }
}

// ─── Feedback answers ───────────────────────────────────────────────────────

const FEEDBACK_CHANGES = [
  "Mettre en place des temps sans écran au moment des repas.",
  "Regarder les paramètres de confidentialité du compte de ma fille avec elle.",
  "Activer le contrôle parental sur la console.",
  "Parler plus souvent avec mon fils de ce qu'il voit en ligne.",
  "Utiliser Pronote chaque semaine pour suivre les devoirs.",
  "Réfléchir avant de publier une photo d'un élève.",
  null,
  null,
] as const;
const FEEDBACK_COMMENTS = [
  "Très clair, merci à l'animatrice pour sa patience.",
  "Un peu court, on aurait aimé plus de temps pour les questions.",
  "Enfin des réponses concrètes sur les réseaux sociaux !",
  "Les exemples étaient bien choisis, les élèves ont beaucoup participé.",
  "Salle difficile à trouver, mais l'atelier valait le déplacement.",
  null,
  null,
  null,
] as const;

/**
 * What people answered to the questionnaires, stored as the API stores them (no link back to the
 * person): parents of the past e-parentalité sessions (about 45 % of those who came), the collèges
 * whose session was reported, and participants of the latest collective workshops by QR code. Each
 * answer has the invitation it used, so the links the demo hands out are taken as in real life.
 */
function buildFeedback(rows: DemoRows, ctx: { now: Date; workshopThemes: Map<string, string> }) {
  const rnd = new Random(PRNG_SEED + 2);
  const monthOf = (at: Date) => new Date(`${isoDate(parisDay(at)).slice(0, 7)}-01T00:00:00Z`);
  const answer = () => ({
    usefulness: Number(rnd.weighted({ "4": 52, "3": 36, "2": 9, "1": 3 })),
    recommend: rnd.weighted({ yes: 78, maybe: 17, no: 5 }),
    change: rnd.pick(FEEDBACK_CHANGES),
    comment: rnd.pick(FEEDBACK_COMMENTS),
  });
  const counsellorsOf = (pairs: Array<{ sessionId: string; counsellorId: string }>, sessionId: string) =>
    pairs.filter((p) => p.sessionId === sessionId).map((p) => p.counsellorId);

  for (const s of rows.workshopSessions.filter((x) => x.status === "done")) {
    const startsAt = new Date(s.startsAt);
    for (const r of rows.registrations.filter((x) => x.sessionId === s.id && x.status === "attended" && x.email)) {
      const answered = rnd.chance(0.45);
      rows.feedbackInvitations.push({
        id: randomUUID(),
        kind: "workshop_session",
        tokenHash: tokenHash(),
        registrationId: r.id!,
        workshopSessionId: s.id!,
        maxAnswers: 1,
        answerCount: answered ? 1 : 0,
        expiresAt: addDays(startsAt, 31),
        createdAt: addDays(startsAt, 1),
      });
      if (!answered) continue;
      rows.feedbackAnswers.push({
        kind: "workshop_session",
        month: monthOf(startsAt),
        workshopId: s.workshopId,
        workshopSessionId: s.id!,
        counsellorIds: counsellorsOf(rows.workshopSessionCounsellors, s.id!),
        themes: [ctx.workshopThemes.get(s.workshopId)!],
        ...answer(),
      });
    }
  }

  const requestTopics = new Map(rows.collegeRequests.map((r) => [r.id!, r.topics as string[]]));
  for (const s of rows.collegeSessions.filter((x) => x.status === "done")) {
    const startsAt = new Date(s.startsAt);
    rows.feedbackInvitations.push({
      id: randomUUID(),
      kind: "college_session",
      collegeSessionId: s.id!,
      maxAnswers: 1,
      answerCount: 1,
      expiresAt: addDays(startsAt, 91),
      createdAt: addDays(startsAt, 1),
    });
    rows.feedbackAnswers.push({
      kind: "college_session",
      month: monthOf(startsAt),
      collegeSessionId: s.id!,
      counsellorIds: counsellorsOf(rows.collegeSessionCounsellors, s.id!),
      themes: requestTopics.get(s.requestId)!,
      ...answer(),
    });
  }

  // The last collective workshops of each counsellor outside sessions (their own groups), shown a QR code.
  const collective = rows.activityRecords
    .filter((r) => r.type === "Collectif" && !r.workshopSessionId && !r.collegeSessionId && new Date(r.date) <= ctx.now)
    .sort((a, b) => new Date(b.date).getTime() - new Date(a.date).getTime())
    .slice(0, 8);
  for (const r of collective) {
    const participants = r.participantsCount ?? 1;
    const count = Math.max(1, Math.round(participants * rnd.between(0.3, 0.6)));
    const day = new Date(r.date);
    rows.feedbackInvitations.push({
      id: randomUUID(),
      kind: "collective_workshop",
      tokenHash: tokenHash(),
      counsellorId: r.counsellorId,
      activityRecordId: r.id!,
      maxAnswers: 40,
      answerCount: count,
      expiresAt: addDays(day, 365),
      createdAt: addDays(day, -20),
    });
    for (let i = 0; i < count; i++) {
      rows.feedbackAnswers.push({
        kind: "collective_workshop",
        month: monthOf(day),
        activityRecordId: r.id!,
        counsellorIds: [r.counsellorId],
        themes: r.themes as string[],
        ...answer(),
      });
    }
  }
}

// ─── A year of activity records ─────────────────────────────────────────────

const ADMIN_THEME_WEIGHTS: Partial<Record<AdministrativeTheme, number>> = {
  SocialSante: 25,
  ArgentImpots: 20,
  PapiersElectionsCitoyennete: 15,
  TravailFormation: 12,
  Logement: 10,
  FamilleScolarite: 8,
  TransportsMobilite: 6,
  EtrangersEurope: 2,
  Justice: 1,
  LoisirsSportsCulture: 1,
};
const ADMIN_DETAILS: Partial<Record<AdministrativeTheme, string>> = {
  SocialSante: "Création du compte ameli et téléchargement de l'attestation de droits",
  ArgentImpots: "Déclaration de revenus en ligne",
  PapiersElectionsCitoyennete: "Pré-demande de carte d'identité sur le site de l'ANTS",
  TravailFormation: "Actualisation France Travail",
  Logement: "Demande d'aide au logement sur caf.fr",
  TransportsMobilite: "Demande de certificat d'immatriculation",
};
const NOTES = [
  "Revenir avec le dernier courrier de la CAF.",
  "Personne très à l'aise à l'oral, besoin de répétition pour les mots de passe.",
  "A noté ses identifiants dans un carnet ; à revoir dans 15 jours.",
  "Orientée vers l'atelier tablette du mardi.",
];

function buildActivities(rows: DemoRows, ctx: { today: Date; rnd: Random; counsellors: CounsellorCtx[] }) {
  const { today, rnd, counsellors } = ctx;
  const pastWeekday = (c: CounsellorCtx) => {
    let day = addDays(today, -rnd.int(1, 360));
    if (day < c.postStartsOn) day = addDays(c.postStartsOn, rnd.int(0, 20));
    while (isClosedDay(day) || weekday(day) === 6) day = addDays(day, -1);
    return day >= today ? addDays(today, -3) : day;
  };

  const INDIVIDUAL = 370;
  const COLLECTIVE = 40;
  for (let i = 0; i < INDIVIDUAL; i++) {
    const c = rnd.pick(counsellors);
    const date = pastWeekday(c);
    const locationType = rnd.weighted({ LieuActivite: 78, Domicile: 10, ADistance: 8, Autre: 4 });
    const place = locationType === "LieuActivite" ? (rnd.chance(0.5) ? c.places.find((p) => p.id === c.usualPlaceId)! : rnd.pick(c.places)) : null;
    const communeInsee = place ? place.communeInsee : locationType === "ADistance" ? null : rnd.pick(c.communes).inseeCode;
    const themes = rnd.weightedDistinct(THEME_WEIGHTS, Number(rnd.weighted({ "1": 55, "2": 33, "3": 12 })));
    const admin = themes.includes("AideAuxDemarchesAdministratives") ? rnd.weightedDistinct(ADMIN_THEME_WEIGHTS, rnd.chance(0.8) ? 1 : 2) : [];
    const equipment = rnd.weightedDistinct<Equipment>({ Telephone: 45, Ordinateur: 30, Tablette: 15, Aucun: 7, Autre: 3 }, rnd.chance(0.85) ? 1 : 2);
    const ageBracket = rnd.weighted<AgeBracket>({
      SoixanteDixPlus: 28,
      SoixanteSoixanteNeuf: 22,
      QuaranteCinquanteNeuf: 20,
      VingtCinqTrenteNeuf: 12,
      DixHuitVingtQuatre: 5,
      DouzeDixHuit: 2,
      NonCommunique: 11,
    });
    const socialStatus: SocialStatus =
      ageBracket === "SoixanteDixPlus" || ageBracket === "SoixanteSoixanteNeuf"
        ? rnd.weighted<SocialStatus>({ Retraite: 85, NonCommunique: 10, EnEmploi: 5 })
        : ageBracket === "DouzeDixHuit"
          ? "Scolarise"
          : ageBracket === "NonCommunique"
            ? rnd.weighted<SocialStatus>({ NonCommunique: 70, SansEmploi: 15, EnEmploi: 15 })
            : rnd.weighted<SocialStatus>({ SansEmploi: 40, EnEmploi: 35, NonCommunique: 20, Scolarise: 5 });
    const createdAt = parisTime(date, rnd.int(9, 17), rnd.pick([0, 15, 30, 45]));
    rows.activityRecords.push({
      id: randomUUID(),
      counsellorId: c.id,
      type: "Individuel",
      date,
      durationMinutes: Number(rnd.weighted({ "15": 5, "30": 25, "45": 25, "60": 30, "90": 10, "120": 5 })),
      locationType,
      placeId: place?.id ?? null,
      communeInsee,
      themes,
      administrativeThemes: admin,
      administrativeDetail: admin.length > 0 && rnd.chance(0.5) ? (ADMIN_DETAILS[admin[0]!] ?? null) : null,
      equipment,
      autonomy: rnd.chance(0.85) ? rnd.weighted({ EntierementAccompagne: 45, PartiellementAutonome: 40, Autonome: 15 }) : null,
      redirectionStructure: rnd.chance(0.15)
        ? rnd.weighted<RedirectionStructure>({
            AideAuxDemarchesAdministratives: 30,
            AideSociale: 20,
            OperateurOuOrganismeEnCharge: 15,
            MediationNumerique: 15,
            Administration: 10,
            InsertionProfessionnelle: 7,
            Autre: 3,
          })
        : null,
      notes: rnd.chance(0.08) ? rnd.pick(NOTES) : null,
      gender: rnd.weighted({ Feminin: 55, Masculin: 40, NonCommunique: 5 }),
      ageBracket,
      socialStatus,
      participantsCount: 1,
      createdAt,
      updatedAt: createdAt,
    });
  }

  for (let i = 0; i < COLLECTIVE; i++) {
    const c = rnd.pick(counsellors);
    const date = pastWeekday(c);
    const venues = c.places.filter((p) => p.seed.services.includes("workshops"));
    const place = rnd.pick(venues.length > 0 ? venues : c.places);
    const t = rnd.pick(COLLECTIVE_TITLES);
    const n = rnd.int(3, 12);
    const createdAt = parisTime(date, 17, 0);
    rows.activityRecords.push({
      id: randomUUID(),
      counsellorId: c.id,
      type: "Collectif",
      date,
      durationMinutes: rnd.pick([90, 120, 120]),
      locationType: "LieuActivite",
      placeId: place.id,
      communeInsee: place.communeInsee,
      themes: t.themes,
      administrativeThemes: t.themes.includes("AideAuxDemarchesAdministratives") ? ["SocialSante"] : [],
      equipment: t.themes.includes("PrendreEnMainDuMateriel") ? ["Tablette", "Telephone"] : ["Ordinateur"],
      workshopTitle: t.title,
      workshopLevel: t.level,
      participantsCount: n,
      participantBreakdown: {
        gender: rnd.spread(n, { Feminin: 60, Masculin: 38, NonCommunique: 2 }),
        ageBracket: rnd.spread(n, { SoixanteDixPlus: 35, SoixanteSoixanteNeuf: 30, QuaranteCinquanteNeuf: 20, VingtCinqTrenteNeuf: 10, NonCommunique: 5 }),
        socialStatus: rnd.spread(n, { Retraite: 60, SansEmploi: 15, EnEmploi: 15, NonCommunique: 10 }),
      },
      createdAt,
      updatedAt: createdAt,
    });
  }
}

// ─── Pass numérique ─────────────────────────────────────────────────────────

function buildPass(rows: DemoRows, ctx: { now: Date; today: Date; rnd: Random; counsellors: CounsellorCtx[] }) {
  const { now, today, rnd, counsellors } = ctx;
  const TOTAL = 210;
  let n = 0;
  const number = () => `PN47-${String(++n).padStart(6, "0")}`;
  const cheque = (extra: Partial<Prisma.PassChequeCreateManyInput>): Prisma.PassChequeCreateManyInput => ({
    id: randomUUID(),
    number: number(),
    valueCents: 1000,
    status: "in_stock",
    createdAt: addDays(today, -380),
    ...extra,
  });

  // An old batch that expired unused.
  const oldAllotted = addDays(today, -760);
  for (let i = 0; i < 4; i++) {
    rows.passCheques.push(cheque({ status: "expired", counsellorId: counsellors[0]!.id, allottedAt: oldAllotted, expiresOn: addDays(oldAllotted, 540), createdAt: oldAllotted }));
  }

  for (const c of counsellors) {
    const allotted = rnd.int(30, 33);
    const allottedAt = parisTime(addDays(today, -rnd.int(150, 300)), 10, 0);
    const expiresOn = parisDay(addDays(allottedAt, 540));
    const mine = Array.from({ length: allotted }, () => cheque({ counsellorId: c.id, allottedAt, expiresOn }));
    let next = 0;
    const prescriptions = rnd.int(6, 10);
    for (let p = 0; p < prescriptions && next < mine.length; p++) {
      const id = randomUUID();
      const prescribedOn = addDays(parisDay(allottedAt), rnd.int(5, Math.max(6, Math.round((today.getTime() - allottedAt.getTime()) / 86_400_000) - 2)));
      const day = prescribedOn < today ? prescribedOn : addDays(today, -1);
      rows.passPrescriptions.push({ id, counsellorId: c.id, prescribedOn: day, need: rnd.pick(PRESCRIPTION_NEEDS), createdAt: parisTime(day, 11, 0) });
      const used = (today.getTime() - day.getTime()) / 86_400_000 > 30 && rnd.chance(0.65);
      for (let k = rnd.int(1, 3); k > 0 && next < mine.length; k--) {
        const ch = mine[next++]!;
        ch.prescriptionId = id;
        ch.status = used ? "used" : "prescribed";
        if (used) {
          const usedAt = parisTime(addDays(day, rnd.int(7, 30)), 14, 0);
          ch.usedAt = usedAt < now ? usedAt : now;
        }
      }
    }
    rows.passCheques.push(...mine);
  }
  while (n < TOTAL) rows.passCheques.push(cheque({}));
}
