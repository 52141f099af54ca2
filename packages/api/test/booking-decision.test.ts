import type { Database } from "@medianum/db";
import { createTestDatabase } from "@medianum/db/testing";
import { decideBooking, decideContactSeats, MAX_SEATS_PER_CONTACT } from "@medianum/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bookingDecisionSql } from "../src/booking/book.js";
import { isBookable } from "../src/booking/queries.js";

// The booking decides in SQL, under the session's lock, in the statement that writes the
// registration. Here that SQL and the domain's rules answer every case side by side.

let db: Database;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db.close();
});

interface Case {
  fresh: boolean;
  status: string;
  startsAt: Date;
  isPublic: boolean;
  capacity: number;
  taken: number;
  held: number;
  seats: number;
  acceptWaitlist: boolean;
  staff: boolean;
}

const now = new Date("2027-03-01T10:00:00Z");

function expected(c: Case): string {
  if (!c.fresh) return "stale";
  const open = c.staff ? c.status === "scheduled" : isBookable({ status: c.status, startsAt: c.startsAt, workshop: { isPublic: c.isPublic } }, now);
  if (!open) return "closed";
  if (!decideContactSeats(c.held, c.seats).ok) return "contact_share";
  return decideBooking({ capacity: c.capacity, seatsTaken: c.taken, seatsRequested: c.seats, acceptWaitlist: c.acceptWaitlist });
}

function* cases(): Generator<Case> {
  const times = [new Date(now.getTime() + 3_600_000), now, new Date(now.getTime() - 60_000)];
  for (const fresh of [true, false])
    for (const status of ["scheduled", "cancelled", "done"])
      for (const startsAt of times)
        for (const isPublic of [true, false])
          for (const staff of [false, true])
            for (const capacity of [0, 1, 4, 12])
              for (const taken of [0, 1, 3, 4, 12, 13])
                for (const held of [0, 1, MAX_SEATS_PER_CONTACT - 1, MAX_SEATS_PER_CONTACT])
                  for (const seats of [1, 2, MAX_SEATS_PER_CONTACT])
                    for (const acceptWaitlist of [false, true]) yield { fresh, status, startsAt, isPublic, capacity, taken, held, seats, acceptWaitlist, staff };
}

describe("the booking's decision in SQL", () => {
  it("decides every case as the domain does (bookable, contact's share, seats left, waitlist)", async () => {
    const all = [...cases()];
    const decision = bookingDecisionSql({
      fingerprintMatches: "c.fresh",
      status: "c.status",
      startsAt: 'c."startsAt"',
      isPublic: 'c."isPublic"',
      capacity: "c.capacity",
      taken: "c.taken",
      held: "c.held",
      seats: "c.seats",
      acceptWaitlist: 'c."acceptWaitlist"',
      staff: "c.staff",
      now: "$2::timestamptz",
    });
    const rows = await db.sql.query<{ i: number; decision: string }>(
      `SELECT c.i, ${decision} AS decision
         FROM jsonb_to_recordset($1::jsonb) AS c(i int, fresh boolean, status text, "startsAt" timestamptz, "isPublic" boolean, capacity int, taken int, held int, seats int, "acceptWaitlist" boolean, staff boolean)
        ORDER BY c.i`,
      [JSON.stringify(all.map((c, i) => ({ i, ...c }))), now],
    );
    expect(rows).toHaveLength(all.length);
    const differing = rows.filter((r) => r.decision !== expected(all[r.i]!)).map((r) => ({ ...all[r.i]!, sql: r.decision, domain: expected(all[r.i]!) }));
    expect(differing).toEqual([]);
    // Every outcome is reached: the grid covers each branch.
    expect(new Set(rows.map((r) => r.decision))).toEqual(new Set(["stale", "closed", "contact_share", "confirmed", "waitlisted", "refused"]));
  });
});
