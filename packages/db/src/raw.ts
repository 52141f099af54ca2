import { createHash } from "node:crypto";
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

/**
 * Server-side prepared statements, named after their text: the hot statements (the booking's, the
 * rate limit's) are parsed and planned once per connection instead of on every call. `query` lets
 * `pg` prepare them (extended protocol); a batch, one simple query, carries `PREPARE` the first
 * time a connection sees a statement, then `EXECUTE` with the parameters as literals.
 */
const statementNames = new Map<string, string>();
function statementName(prefix: string, sql: string): string {
  const key = `${prefix}${sql}`;
  let name = statementNames.get(key);
  if (!name) {
    name = `${prefix}${createHash("sha256").update(sql).digest("hex").slice(0, 24)}`;
    statementNames.set(key, name);
  }
  return name;
}

export function pgRawSql(pool: pg.Pool): RawSql {
  /** The statements PREPAREd by batches on each connection. */
  const preparedOn = new WeakMap<pg.PoolClient, Set<string>>();
  return {
    async query<T>(sql: string, params: unknown[] = []) {
      return (await pool.query({ name: statementName("mq_", sql), text: sql, values: params })).rows as T[];
    },
    async transaction(fn) {
      const client = await pool.connect();
      let prepared = preparedOn.get(client);
      if (!prepared) preparedOn.set(client, (prepared = new Set()));
      const known = prepared;
      // BEGIN goes with the first batch, COMMIT with the last one when asked: fewer round trips
      // while the transaction holds its locks.
      let state = "idle" as "idle" | "open" | "committed";
      /** A batch that failed may have run some of its PREPAREs: the connection is not reused. */
      let unsure: Error | undefined;
      const begin = async () => {
        if (state === "idle") await client.query("BEGIN");
        state = "open";
      };
      const tx: RawTx = {
        async query<T>(sql: string, params: unknown[] = []) {
          await begin();
          return (await client.query({ name: statementName("mq_", sql), text: sql, values: params })).rows as T[];
        },
        async batch(statements, opts = {}) {
          const parts: string[] = [];
          const resultAt: number[] = [];
          const preparing: string[] = [];
          if (state === "idle") parts.push("BEGIN");
          for (const [sql, params] of statements) {
            const name = statementName("mb_", sql);
            if (!known.has(name) && !preparing.includes(name)) {
              parts.push(`PREPARE ${name} AS ${sql}`);
              preparing.push(name);
            }
            resultAt.push(parts.length);
            parts.push(params.length ? `EXECUTE ${name}(${params.map(sqlLiteral).join(", ")})` : `EXECUTE ${name}`);
          }
          if (opts.commit) parts.push("COMMIT");
          state = "open";
          let res: pg.QueryResult | pg.QueryResult[];
          try {
            res = (await client.query(parts.join(";\n"))) as unknown as pg.QueryResult | pg.QueryResult[];
          } catch (err) {
            if (preparing.length) unsure = err instanceof Error ? err : new Error(String(err));
            throw err;
          }
          for (const name of preparing) known.add(name);
          const results = Array.isArray(res) ? res : [res];
          if (opts.commit) state = "committed";
          return resultAt.map((i) => results[i]!.rows);
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
        // A connection that could not roll back, or whose prepared statements are unknown, is
        // thrown away rather than handed to the next caller.
        const discard = broken instanceof Error ? broken : unsure;
        if (discard) preparedOn.delete(client);
        client.release(discard);
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
