import type { ValueOf } from "../shared/value-list.js";
import type { auditActions } from "./describe.js";

/** Audit log actions are "<feature>.<verb>" codes of the one list, auditActions: the API can write no other, nor can the database take one (CHECK). */
export type AuditAction = ValueOf<typeof auditActions>;
