import type { SessionUser } from "@medianum/domain";
import type { Context } from "../context.js";

/** What staff services need of a signed-in staff member's request: the database, settings, clock, address and who. */
export type StaffContext = Pick<Context, "db" | "config" | "now" | "req"> & { user: SessionUser };
