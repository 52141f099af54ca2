import { TRPCError } from "@trpc/server";

type Code = ConstructorParameters<typeof TRPCError>[0]["code"];

/**
 * An error whose French message is meant for the person using the app, with optional data the
 * UI can use (e.g. seats left). Unexpected errors never reach the client with their message.
 */
export class UserFacingError extends TRPCError {
  readonly details: Record<string, unknown> | undefined;
  constructor(code: Code, message: string, details?: Record<string, unknown>) {
    super({ code, message });
    this.details = details;
  }
}

export const notFound = (what = "Cet élément") => new UserFacingError("NOT_FOUND", `${what} est introuvable.`);

// ─── Database errors a request can cause without any bug: two people creating the same thing at
// once, a row deleted meanwhile. The same failure reaches us in four shapes (Prisma on PostgreSQL,
// Prisma on PGlite, raw queries through Prisma, the `pg`/PGlite runner): all are read here.

interface ErrorLike {
  code?: unknown;
  meta?: { target?: unknown; driverAdapterError?: { cause?: AdapterCause } };
  cause?: unknown;
}
interface AdapterCause {
  code?: unknown;
  originalCode?: unknown;
  constraint?: { fields?: unknown };
}

const PRISMA_TO_SQLSTATE: Record<string, string> = { P2002: "23505", P2003: "23503", P2034: "40001" };

/** The PostgreSQL SQLSTATE behind an error from Prisma or a SQL runner, or a Prisma code ("P2025") without one. */
export function databaseErrorCode(error: unknown): string | undefined {
  if (!error || typeof error !== "object") return undefined;
  const e = error as ErrorLike;
  const adapter = e.meta?.driverAdapterError?.cause ?? (e.cause && typeof e.cause === "object" ? (e.cause as AdapterCause) : undefined);
  const fromAdapter = adapter?.originalCode ?? adapter?.code;
  if (typeof fromAdapter === "string" && /^[0-9A-Z]{5}$/.test(fromAdapter)) return fromAdapter;
  if (typeof e.code === "string") return PRISMA_TO_SQLSTATE[e.code] ?? e.code;
  return undefined;
}

/** The columns of the unique key that was hit, when the driver says. */
function uniqueFields(error: unknown): string[] {
  const e = error as ErrorLike;
  const fields = e.meta?.driverAdapterError?.cause?.constraint?.fields ?? e.meta?.target;
  return Array.isArray(fields) ? fields.filter((f): f is string => typeof f === "string") : [];
}

/**
 * The one translation of database failures into answers for people; null when the error is a
 * real bug (it stays a 500 and is logged). Check-then-insert code relies on it: the insert that
 * loses a race fails on the unique key and the person reads that it already exists.
 */
export function userFacingDatabaseError(error: unknown): UserFacingError | null {
  switch (databaseErrorCode(error)) {
    case "23505": {
      const [field] = uniqueFields(error);
      return new UserFacingError(
        "CONFLICT",
        "Cet élément existe déjà : il vient sans doute d'être enregistré par une autre demande. Actualisez la page pour le voir.",
        field ? { field } : undefined,
      );
    }
    case "23503":
      return new UserFacingError("CONFLICT", "Un élément lié a été supprimé ou est encore utilisé ailleurs : actualisez la page et réessayez.");
    case "P2025":
      return new UserFacingError("NOT_FOUND", "Cet élément est introuvable : il a peut-être été supprimé entre-temps. Actualisez la page.");
    case "40001":
    case "40P01":
      return new UserFacingError("CONFLICT", "Une autre modification était en cours au même moment : réessayez.");
    default:
      return null;
  }
}
