import type pg from "pg";
import type { PrismaClient } from "./generated/prisma/client.js";

/** One parameterised statement ($1, $2… with explicit casts), its rows back. */
export type RawQuery = <T = Record<string, unknown>>(sql: string, params?: unknown[]) => Promise<T[]>;

/**
 * Raw SQL for the hot paths (booking, rate limits), written once for both engines. On PostgreSQL
 * it goes straight through the `pg` pool: Prisma 6.19 recompiles every query in its WASM compiler
 * (about 4 ms a booking) and adds its own transaction bookkeeping. On PGlite (one connection,
 * shared with Prisma) it goes through Prisma's raw queries, so its transactions still queue with
 * Prisma's own instead of slipping into one of them.
 * Results: ask for int4 (`::int`) rather than int8, whose type differs between the two drivers.
 */
export interface RawSql {
  query: RawQuery;
  /** BEGIN … COMMIT around `fn` on one connection; ROLLBACK when it throws. */
  transaction<T>(fn: (query: RawQuery) => Promise<T>, opts?: { maxWaitMs?: number; timeoutMs?: number }): Promise<T>;
}

export function pgRawSql(pool: pg.Pool): RawSql {
  return {
    async query<T>(sql: string, params: unknown[] = []) {
      return (await pool.query(sql, params)).rows as T[];
    },
    async transaction(fn) {
      const client = await pool.connect();
      const query: RawQuery = async <T>(sql: string, params: unknown[] = []) => (await client.query(sql, params)).rows as T[];
      let broken: unknown;
      try {
        await client.query("BEGIN");
        const result = await fn(query);
        await client.query("COMMIT");
        return result;
      } catch (err) {
        try {
          await client.query("ROLLBACK");
        } catch (rollbackError) {
          broken = rollbackError;
        }
        throw err;
      } finally {
        // A connection that could not roll back is thrown away rather than handed to the next caller.
        client.release(broken instanceof Error ? broken : undefined);
      }
    },
  };
}

export function prismaRawSql(prisma: PrismaClient): RawSql {
  return {
    query: <T>(sql: string, params: unknown[] = []) => prisma.$queryRawUnsafe<T[]>(sql, ...params),
    transaction: (fn, opts) =>
      prisma.$transaction((tx) => fn(<T>(sql: string, params: unknown[] = []) => tx.$queryRawUnsafe<T[]>(sql, ...params)), {
        maxWait: opts?.maxWaitMs ?? 2_000,
        timeout: opts?.timeoutMs ?? 5_000,
      }),
  };
}
