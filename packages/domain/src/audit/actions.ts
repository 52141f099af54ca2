/** Audit log actions are "<feature>.<verb>" strings, e.g. "auth.login", "booking.create". */
export type AuditAction = `${string}.${string}`;
