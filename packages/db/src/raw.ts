import type pg from "pg";
import type { PrismaClient } from "./generated/prisma/client.js";

/** One parameterised statement ($1, $2… with explicit casts), its rows back. */
export type RawQuery = <T = Record<string, unknown>>(sql: string, params?: unknown[]) => Promise<T[]>;

/** A statement and its parameters (strings, finite numbers, booleans, dates or null). */
export type RawStatement = readonly [sql: string, params: readonly unknown[]];

export interface RawTx {
  query: RawQuery;
  /**
   * Several statements in one round trip where the driver allows it, each with its own snapshot
   * (READ COMMITTED): a statement after a locking one sees what the lock's previous holder
   * committed. With `commit`, the transaction ends with them (nothing may follow).
   */
  batch(statements: readonly RawStatement[], opts?: { commit?: boolean }): Promise<unknown[][]>;
}

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
  transaction<T>(fn: (tx: RawTx) => Promise<T>, opts?: { maxWaitMs?: number; timeoutMs?: number }): Promise<T>;
}

/**
 * A parameter written as a SQL literal, for the batches sent as one simple query (the simple
 * protocol has no parameters). Strings are written E'…' with their backslashes and quotes doubled
 * (what pg's escapeLiteral does, with native regular expressions instead of a loop over every
 * character: the booking's e-mail is several kilobytes); anything else than the types below is
 * refused rather than guessed.
 */
export function sqlLiteral(value: unknown): string {
  if (value === null || value === undefined) return "NULL";
  if (typeof value === "string") return escapeString(value);
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new Error(`sqlLiteral: ${value} is not a finite number`);
    return String(value);
  }
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (value instanceof Date) return `'${value.toISOString()}'`;
  throw new Error(`sqlLiteral: unsupported parameter type ${typeof value}`);
}

function escapeString(s: string): string {
  if (s.includes("\0")) throw new Error("sqlLiteral: NUL character in a string");
  return `E'${s.replace(/\\/g, "\\\\").replace(/'/g, "''")}'`;
}

/** A statement with its $n parameters written in as literals (the statements here hold no `$` of their own). */
export function inlineParams(sql: string, params: readonly unknown[]): string {
  return sql.replace(/\$(\d+)/g, (_, n: string) => {
    const i = Number(n) - 1;
    if (i < 0 || i >= params.length) throw new Error(`inlineParams: no value for $${n}`);
    return `(${sqlLiteral(params[i])})`;
  });
}

export function pgRawSql(pool: pg.Pool): RawSql {
  return {
    async query<T>(sql: string, params: unknown[] = []) {
      return (await pool.query(sql, params)).rows as T[];
    },
    async transaction(fn) {
      const client = await pool.connect();
      // BEGIN goes with the first batch, COMMIT with the last one when asked: fewer round trips
      // while the transaction holds its locks.
      let state = "idle" as "idle" | "open" | "committed";
      const begin = async () => {
        if (state === "idle") await client.query("BEGIN");
        state = "open";
      };
      const tx: RawTx = {
        async query<T>(sql: string, params: unknown[] = []) {
          await begin();
          return (await client.query(sql, params)).rows as T[];
        },
        async batch(statements, opts = {}) {
          const parts = statements.map(([sql, params]) => inlineParams(sql, params));
          const first = state === "idle" ? 1 : 0;
          if (first) parts.unshift("BEGIN");
          if (opts.commit) parts.push("COMMIT");
          state = "open";
          const res = (await client.query(parts.join(";\n"))) as unknown as pg.QueryResult | pg.QueryResult[];
          const results = Array.isArray(res) ? res : [res];
          if (opts.commit) state = "committed";
          return results.slice(first, first + statements.length).map((r) => r.rows);
        },
      };
      let broken: unknown;
      try {
        const result = await fn(tx);
        if (state === "open") await client.query("COMMIT");
        return result;
      } catch (err) {
        if (state !== "committed") {
          try {
            await client.query("ROLLBACK");
          } catch (rollbackError) {
            broken = rollbackError;
          }
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
      prisma.$transaction(
        (prismaTx) => {
          const query: RawQuery = <T>(sql: string, params: unknown[] = []) => prismaTx.$queryRawUnsafe<T[]>(sql, ...params);
          return fn({
            query,
            async batch(statements) {
              const results: unknown[][] = [];
              for (const [sql, params] of statements) results.push(await query(sql, [...params]));
              return results;
            },
          });
        },
        { maxWait: opts?.maxWaitMs ?? 2_000, timeout: opts?.timeoutMs ?? 5_000 },
      ),
  };
}
