import type { SessionUser } from "@medianum/domain";
import type { Context } from "../context.js";

/** What the team's services need of a signed-in staff member's request. */
export type StaffContext = Pick<Context, "db" | "config" | "now" | "req"> & { user: SessionUser };
