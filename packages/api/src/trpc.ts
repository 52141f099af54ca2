import { initTRPC, TRPCError } from "@trpc/server";
import { isStaff, SECOND_FACTOR_REQUIRED, type Role } from "@medianum/domain";
import superjson from "superjson";
import { ZodError } from "zod";
import type { Context } from "./context.js";
import { UserFacingError, userFacingDatabaseError } from "./shared/errors.js";
import { tooManyRequests, type QuotaInTransaction, type RateLimitRule } from "./shared/rate-limit.js";

/** What a person reads for an error that carries no message of ours (tRPC's own errors are in English). */
const GENERIC_MESSAGES: Partial<Record<TRPCError["code"], string>> = {
  INTERNAL_SERVER_ERROR: "Une erreur inattendue est survenue. Réessayez dans un instant.",
  BAD_REQUEST: "La demande est incomplète ou mal formée.",
  UNAUTHORIZED: "Connectez-vous pour continuer.",
  FORBIDDEN: "Vous n'avez pas accès à cette action.",
  NOT_FOUND: "Élément introuvable.",
  TOO_MANY_REQUESTS: "Trop de tentatives : patientez quelques minutes avant de réessayer.",
  PARSE_ERROR: "La demande est mal formée.",
  METHOD_NOT_SUPPORTED: "Méthode non prise en charge.",
  UNSUPPORTED_MEDIA_TYPE: "Format de la demande non pris en charge : envoyez du JSON.",
  PAYLOAD_TOO_LARGE: "La demande est trop volumineuse.",
  CONFLICT: "Cette action entre en conflit avec une autre : actualisez la page et réessayez.",
};
const FALLBACK_MESSAGE = "La demande n'a pas pu être traitée.";

/** Zod issues as { "field.path": ["message"] } for the forms. */
export function fieldErrorsOf(error: ZodError): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join(".") || "_";
    (out[key] ??= []).push(issue.message);
  }
  return out;
}

const t = initTRPC.context<Context>().create({
  transformer: superjson,
  // Stack traces only in development; the formatter below also never forwards them otherwise.
  isDev: process.env.NODE_ENV === "development",
  errorFormatter({ shape, error, ctx }) {
    const dev = ctx?.config.environment === "development";
    const zod = error.cause instanceof ZodError ? error.cause : null;
    const userFacing = error instanceof UserFacingError;
    let message: string;
    if (zod && error.code === "BAD_REQUEST") message = "Certains champs sont à corriger.";
    else if (userFacing) message = error.message;
    // Only our own errors carry a message meant for people; tRPC's and libraries' are not.
    else message = dev ? error.message : (GENERIC_MESSAGES[error.code] ?? FALLBACK_MESSAGE);
    return {
      message,
      code: shape.code,
      data: {
        code: shape.data.code,
        httpStatus: shape.data.httpStatus,
        path: shape.data.path,
        fieldErrors: zod && error.code === "BAD_REQUEST" ? fieldErrorsOf(zod) : undefined,
        details: userFacing ? error.details : undefined,
        ...(dev && shape.data.stack ? { stack: shape.data.stack } : {}),
      },
    };
  },
});

export const router = t.router;
export const middleware = t.middleware;
export const createCallerFactory = t.createCallerFactory;

/**
 * Turns database failures a request can cause (a unique key hit by a concurrent insert, a row
 * deleted meanwhile) into French answers, in this one place for every procedure; logs the other
 * unexpected errors server-side (the client only gets a generic message).
 */
const translateUnexpected = t.middleware(async ({ next, path }) => {
  const res = await next();
  if (!res.ok && res.error.code === "INTERNAL_SERVER_ERROR") {
    const answer = userFacingDatabaseError(res.error.cause);
    if (answer) throw answer;
    console.error(`[api] ${path}:`, res.error.cause ?? res.error);
  }
  return res;
});

export const publicProcedure = t.procedure.use(translateUnexpected);

export const authedProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.user && ctx.pendingUser) {
    throw new UserFacingError("UNAUTHORIZED", "Saisissez le code de votre application d'authentification pour continuer.", {
      [SECOND_FACTOR_REQUIRED]: true,
    });
  }
  if (!ctx.user) throw new UserFacingError("UNAUTHORIZED", "Votre session a expiré : connectez-vous à nouveau.");
  return next({ ctx: { ...ctx, user: ctx.user } });
});

export function roleProcedure(allowed: readonly Role[], message: string) {
  return authedProcedure.use(({ ctx, next }) => {
    if (!allowed.includes(ctx.user.role)) throw new UserFacingError("FORBIDDEN", message);
    return next();
  });
}

export const staffProcedure = authedProcedure.use(({ ctx, next }) => {
  if (!isStaff(ctx.user.role)) throw new UserFacingError("FORBIDDEN", "Cet espace est réservé à l'équipe de coordination.");
  return next();
});

export const adminProcedure = roleProcedure(["admin"], "Cette action est réservée aux administrateurs.");

export const counsellorProcedure = authedProcedure.use(({ ctx, next }) => {
  const counsellorId = ctx.user.counsellorId;
  if (ctx.user.role !== "counsellor" || !counsellorId) {
    throw new UserFacingError("FORBIDDEN", "Cet espace est réservé aux conseillers numériques.");
  }
  return next({ ctx: { ...ctx, counsellorId } });
});

/** Per-IP limit for a public mutation (booking, collège request…). */
export function rateLimited(name: string, rule: RateLimitRule) {
  return t.middleware(async ({ ctx, next }) => {
    const wait = await ctx.rateLimiter.hit(`${name}:ip:${ctx.req.ip}`, rule);
    if (wait > 0) throw tooManyRequests(wait);
    return next();
  });
}

/**
 * Per-IP limit on what was accepted (e.g. bookings made): a slot of `accepted` is taken before the
 * call and given back when the call is refused (invalid form, full session, too many seats), so
 * a parent's typos never use up their bookings. Refusals are counted apart in `refused`, a larger
 * window: once it is full the address is stopped, so attempts stay limited all the same.
 */
export function rateLimitedToAccepted(name: string, accepted: RateLimitRule, refused: RateLimitRule) {
  return t.middleware(async ({ ctx, next }) => {
    const acceptedKey = `${name}:ip:${ctx.req.ip}`;
    const refusedKey = `${name}:refused:ip:${ctx.req.ip}`;
    const wait = await ctx.rateLimiter.take(acceptedKey, accepted, { key: refusedKey, rule: refused });
    if (wait > 0) throw tooManyRequests(wait);
    const res = await next();
    if (!res.ok) {
      // A failure of ours (500) is not the visitor's attempt to hold against them.
      if (res.error.code === "INTERNAL_SERVER_ERROR") await ctx.rateLimiter.giveBack(acceptedKey);
      else await ctx.rateLimiter.refuse(acceptedKey, refusedKey, refused);
    }
    return res;
  });
}

/**
 * The same limit as rateLimitedToAccepted, but the procedure takes the slot itself in its own
 * transaction (`ctx.quota`, see QuotaInTransaction): one round trip fewer. What the call leaves
 * to count is counted here afterwards, as rateLimitedToAccepted would.
 */
export function rateLimitedToAcceptedInTransaction(name: string, accepted: RateLimitRule, refused: RateLimitRule) {
  return t.middleware(async ({ ctx, next }) => {
    const quota: QuotaInTransaction = {
      acceptedKey: `${name}:ip:${ctx.req.ip}`,
      refusedKey: `${name}:refused:ip:${ctx.req.ip}`,
      accepted,
      refused,
      state: "pending",
    };
    const res = await next({ ctx: { ...ctx, quota } });
    if (res.ok) return res;
    const ours = res.error.code === "INTERNAL_SERVER_ERROR";
    if (quota.state === "taken") {
      if (ours) await ctx.rateLimiter.giveBack(quota.acceptedKey);
      else await ctx.rateLimiter.refuse(quota.acceptedKey, quota.refusedKey, refused);
    } else if (quota.state === "pending" && !ours) {
      // Refused before taking a slot (invalid form, closed session): an attempt all the same, and
      // the one past the refusals' limit is answered as the limit.
      const wait = await ctx.rateLimiter.hit(quota.refusedKey, refused);
      if (wait > 0) throw tooManyRequests(wait);
    }
    return res;
  });
}
