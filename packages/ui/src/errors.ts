import type { FieldError } from "./components/feedback.js";

/** Field errors keyed by field path ("email", "classes.0.pupils"); first message of each field. */
export type FieldErrors = Record<string, string>;

interface IssueLike {
  path: readonly PropertyKey[];
  message: string;
}

/** zod issues (from `schema.safeParse(...).error.issues`) → first message per field path. */
export function issuesToFieldErrors(issues: readonly IssueLike[]): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of issues) {
    const key = issue.path.map(String).join(".") || "_form";
    if (!(key in out)) out[key] = issue.message;
  }
  return out;
}

/** Field errors as ErrorSummary items, in the order of `fieldOrder` (the form's order). */
export function toSummary(errors: FieldErrors, fieldOrder: readonly string[], idOf: (field: string) => string = (f) => f): FieldError[] {
  const keys = Object.keys(errors).sort((a, b) => rank(a) - rank(b));
  function rank(k: string) {
    const i = fieldOrder.indexOf(k.split(".")[0] ?? k);
    return i === -1 ? fieldOrder.length : i;
  }
  return keys.map((k) => ({ field: idOf(k), message: errors[k] ?? "" }));
}

export interface ApiErrorInfo {
  /** French message to show. */
  message: string;
  /** tRPC error code when the server answered ("CONFLICT", "UNAUTHORIZED"…). */
  code: string | null;
  fieldErrors: FieldErrors;
  /** The whole `error.data` object, for procedure-specific extras (e.g. seatsLeft). */
  data: Record<string, unknown>;
}

export const NETWORK_ERROR_MESSAGE = "Le service ne répond pas. Vérifiez votre connexion internet, puis réessayez.";
export const SERVER_ERROR_MESSAGE = "Une erreur est survenue de notre côté. Réessayez dans quelques instants.";

/**
 * Reads an error thrown by the tRPC client without depending on it. Our API puts a French
 * message in `error.message` and field errors in `error.data.fieldErrors`; anything else (network
 * failure, internal error) gets a plain French message, never a stack trace.
 */
export function readApiError(error: unknown): ApiErrorInfo {
  const e = error as { message?: unknown; data?: unknown } | null;
  const data = e && typeof e.data === "object" && e.data !== null ? (e.data as Record<string, unknown>) : null;
  if (!data) return { message: NETWORK_ERROR_MESSAGE, code: null, fieldErrors: {}, data: {} };
  const code = typeof data.code === "string" ? data.code : null;
  const raw = data.fieldErrors;
  const fieldErrors: FieldErrors = {};
  if (raw && typeof raw === "object") {
    for (const [k, v] of Object.entries(raw as Record<string, unknown>)) {
      if (Array.isArray(v) && typeof v[0] === "string") fieldErrors[k] = v[0];
      else if (typeof v === "string") fieldErrors[k] = v;
    }
  }
  const serverSide = code === "INTERNAL_SERVER_ERROR" || (typeof data.httpStatus === "number" && data.httpStatus >= 500);
  const message = !serverSide && typeof e?.message === "string" && e.message ? e.message : SERVER_ERROR_MESSAGE;
  return { message, code, fieldErrors, data };
}
