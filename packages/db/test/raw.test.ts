import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../src/testing.js";
import type { Database } from "../src/client.js";

let db: Database;
beforeAll(async () => {
  db = await createTestDatabase();
  await db.sql.exec(`CREATE TABLE raw_note (id int PRIMARY KEY, body text NOT NULL)`);
});
afterAll(() => db.close());

// Values a person can type, written into SQL text by the batches on PostgreSQL: each must come back unchanged.
const awkward = ["O'Brien", "back\\slash \\' and \\\\", "'); DROP TABLE raw_note; --", "E'x'", "$1 $$ dollar", "émoji 👪 — ligne\nsuivante\ttab", ""];

describe("raw SQL of the hot paths, on this engine", () => {
  it("gives back every awkward string and number unchanged, in a batch and through plain parameters", async () => {
    const rows = await db.raw.transaction(async (tx) => {
      const batched = await tx.batch(awkward.map((s, i) => [`SELECT $1::text AS v, $2::int AS n`, [s, i - 3]] as const));
      const plain = [];
      for (const s of awkward) plain.push(await tx.query<{ v: string }>(`SELECT $1::text AS v`, [s]));
      return { batched, plain };
    });
    expect(rows.batched.map((r) => (r as Array<{ v: string }>)[0]!.v)).toEqual(awkward);
    expect(rows.batched.map((r) => (r as Array<{ n: number }>)[0]!.n)).toEqual(awkward.map((_, i) => i - 3));
    expect(rows.plain.map((r) => r[0]!.v)).toEqual(awkward);
  });

  it("commits with the last batch, and keeps nothing of a transaction whose statement failed", async () => {
    await db.raw.transaction((tx) => tx.batch([[`INSERT INTO raw_note VALUES ($1::int, $2::text)`, [1, "kept"]]], { commit: true }));
    await expect(
      db.raw.transaction(async (tx) => {
        await tx.batch([[`INSERT INTO raw_note VALUES ($1::int, $2::text)`, [2, "rolled back"]]]);
        await tx.batch([[`INSERT INTO raw_note VALUES ($1::int, $2::text)`, [1, "duplicate"]]], { commit: true });
      }),
    ).rejects.toThrow();
    await expect(
      db.raw.transaction(async (tx) => {
        await tx.query(`INSERT INTO raw_note VALUES ($1::int, $2::text)`, [3, "rolled back too"]);
        throw new Error("refused by the caller");
      }),
    ).rejects.toThrow("refused by the caller");
    expect(await db.raw.query(`SELECT id, body FROM raw_note ORDER BY id`)).toEqual([{ id: 1, body: "kept" }]);
  });

  it.skipIf(!process.env.TEST_DATABASE_URL)("on PostgreSQL, runs a prepared statement again and again, and survives a batch that failed after preparing", async () => {
    for (const n of [1, 2, 3]) {
      const [doubled] = (await db.raw.transaction((tx) => tx.batch([[`SELECT $1::int * 2 AS doubled`, [n]]], { commit: true }))) as [Array<{ doubled: number }>];
      expect(doubled[0]!.doubled).toBe(n * 2);
    }
    // A new statement prepared in a batch whose next statement fails: the connection is not reused
    // with a wrong idea of what it has prepared (the next PREPARE would fail).
    await expect(db.raw.transaction((tx) => tx.batch([[`SELECT $1::int + 40 AS answer`, [2]], [`SELECT 1 / $1::int`, [0]]]))).rejects.toThrow();
    for (let i = 0; i < 3; i++) {
      const [again] = (await db.raw.transaction((tx) => tx.batch([[`SELECT $1::int + 40 AS answer`, [2]]], { commit: true }))) as [Array<{ answer: number }>];
      expect(again[0]!.answer).toBe(42);
    }
  });
});
