export { appRouter, type AppRouter } from "./root.js";
export { createContext } from "./create-context.js";
export type { ApiServices, Context, CookieOptions, RequestAdapter } from "./context.js";
export { createCallerFactory } from "./trpc.js";
export { defaultApiConfig, type ApiConfig } from "./shared/config.js";
export { RateLimiter } from "./shared/rate-limit.js";
export { hashPassword, verifyPassword } from "./auth/password.js";
export { SESSION_COOKIE } from "./auth/session.js";
export { enqueueEmail, type OutgoingEmail } from "./mail/outbox.js";
