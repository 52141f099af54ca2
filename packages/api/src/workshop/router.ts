import {
  counsellorRef,
  instantSchema,
  moveRegistrationInput,
  placeChoice,
  sessionCancelInput,
  sessionDuplicateInput,
  sessionInput,
  sessionRegistrationsView,
  sessionUpdateInput,
  staffBookingInput,
  staffCancelRegistrationInput,
  staffSessionDetail,
  staffSessionView,
  uuidSchema,
  workshopInput,
  workshopUpdateInput,
  workshopView,
} from "@medianum/domain";
import { z } from "zod";
import { bookSeats } from "../booking/book.js";
import { audit } from "../shared/audit.js";
import { router, staffProcedure } from "../trpc.js";
import { exportRegistrationsCsv, moveRegistration, staffCancelRegistration } from "./registrations.js";
import { cancelSession, createSession, createWorkshop, duplicateSession, updateSession, updateWorkshop } from "./sessions.js";
import { listWorkshops } from "./list-workshops.js";
import { listStaffSessions, readStaffSession, sessionChoices, sessionRegistrations } from "./read-sessions.js";

export const workshopRouter = router({
  sessions: staffProcedure
    .input(z.object({ from: instantSchema("Du").optional(), to: instantSchema("Au").optional(), workshopId: uuidSchema.optional() }).default({}))
    .output(z.array(staffSessionView))
    .query(({ ctx, input }) => listStaffSessions(ctx.db.prisma, input, ctx.now())),

  sessionRegistrations: staffProcedure
    .input(z.object({ sessionId: uuidSchema }))
    .output(sessionRegistrationsView)
    .query(({ ctx, input }) => sessionRegistrations(ctx.db.prisma, input.sessionId)),

  // ─── Workshops (catalogue) ───────────────────────────────────────────────
  workshops: staffProcedure.output(z.array(workshopView)).query(({ ctx }) => listWorkshops(ctx.db.prisma, ctx.now())),

  createWorkshop: staffProcedure
    .input(workshopInput)
    .output(z.object({ id: z.uuid() }))
    .mutation(async ({ ctx, input }) => {
      const w = await createWorkshop(ctx.db.prisma, input);
      await audit(ctx, ctx.db.prisma, "workshop.create", { type: "Workshop", id: w.id });
      return { id: w.id };
    }),

  updateWorkshop: staffProcedure
    .input(workshopUpdateInput)
    .output(z.object({ id: z.uuid() }))
    .mutation(async ({ ctx, input }) => {
      const w = await updateWorkshop(ctx.db.prisma, input);
      await audit(ctx, ctx.db.prisma, "workshop.update", { type: "Workshop", id: w.id });
      return { id: w.id };
    }),

  // ─── Sessions ────────────────────────────────────────────────────────────
  /** Places and counsellors to choose from in the session form. */
  sessionChoices: staffProcedure
    .output(z.object({ places: z.array(placeChoice), counsellors: z.array(counsellorRef) }))
    .query(({ ctx }) => sessionChoices(ctx.db.prisma)),

  session: staffProcedure
    .input(z.object({ id: uuidSchema }))
    .output(staffSessionDetail)
    .query(({ ctx, input }) => readStaffSession(ctx.db.prisma, input.id)),

  createSession: staffProcedure
    .input(sessionInput)
    .output(z.object({ id: z.uuid() }))
    .mutation(async ({ ctx, input }) => {
      const s = await createSession(ctx.db.prisma, input, ctx.now());
      await audit(ctx, ctx.db.prisma, "workshop.session_create", { type: "WorkshopSession", id: s.id });
      return { id: s.id };
    }),

  updateSession: staffProcedure
    .input(sessionUpdateInput)
    .output(z.object({ id: z.uuid(), promoted: z.number().int(), notified: z.boolean() }))
    .mutation(async ({ ctx, input }) => {
      const res = await updateSession(ctx.db.prisma, ctx.config, input, ctx.now());
      await audit(ctx, ctx.db.prisma, "workshop.session_update", { type: "WorkshopSession", id: input.id }, { capacity: input.capacity, promoted: res.promoted });
      return res;
    }),

  duplicateSession: staffProcedure
    .input(sessionDuplicateInput)
    .output(z.object({ id: z.uuid() }))
    .mutation(async ({ ctx, input }) => {
      const s = await duplicateSession(ctx.db.prisma, input, ctx.now());
      await audit(ctx, ctx.db.prisma, "workshop.session_duplicate", { type: "WorkshopSession", id: s.id }, { from: input.id });
      return { id: s.id };
    }),

  cancelSession: staffProcedure
    .input(sessionCancelInput)
    .output(z.object({ notified: z.number().int(), toCall: z.number().int(), registrations: z.number().int() }))
    .mutation(async ({ ctx, input }) => {
      const res = await cancelSession(ctx.db.prisma, ctx.config, input, ctx.now());
      await audit(ctx, ctx.db.prisma, "workshop.session_cancel", { type: "WorkshopSession", id: input.id }, { reason: input.reason, registrations: res.registrations });
      return res;
    }),

  // ─── Registrations (staff) ───────────────────────────────────────────────
  addRegistration: staffProcedure
    .input(staffBookingInput)
    .output(z.object({ registrationId: z.uuid(), status: z.enum(["confirmed", "waitlisted"]) }))
    .mutation(async ({ ctx, input }) => {
      const res = await bookSeats(ctx.db.raw, ctx.config, { ...input, source: "staff" }, ctx.now());
      await audit(ctx, ctx.db.prisma, "booking.staff_create", { type: "Registration", id: res.registrationId });
      return { registrationId: res.registrationId, status: res.status };
    }),

  cancelRegistration: staffProcedure
    .input(staffCancelRegistrationInput)
    .output(z.object({ promoted: z.number().int() }))
    .mutation(async ({ ctx, input }) => {
      const res = await staffCancelRegistration(ctx.db.prisma, ctx.config, input.registrationId, input.notify, ctx.now());
      await audit(ctx, ctx.db.prisma, "booking.staff_cancel", { type: "Registration", id: input.registrationId });
      return { promoted: res.promoted };
    }),

  moveRegistration: staffProcedure
    .input(moveRegistrationInput)
    .output(z.object({ status: z.enum(["confirmed", "waitlisted"]), promoted: z.number().int() }))
    .mutation(async ({ ctx, input }) => {
      const res = await moveRegistration(ctx.db.prisma, ctx.config, input.registrationId, input.toSessionId, ctx.now());
      await audit(ctx, ctx.db.prisma, "booking.staff_move", { type: "Registration", id: input.registrationId }, { to: input.toSessionId });
      return res;
    }),

  exportRegistrations: staffProcedure
    .input(z.object({ sessionId: uuidSchema }))
    .output(z.object({ filename: z.string(), csv: z.string() }))
    // A mutation, not a query: each download is written to the audit log, and a GET could be
    // triggered by a link on another site (SameSite=Lax lets the cookie through on navigation).
    .mutation(async ({ ctx, input }) => {
      const res = await exportRegistrationsCsv(ctx.db.prisma, input.sessionId);
      await audit(ctx, ctx.db.prisma, "booking.export", { type: "WorkshopSession", id: input.sessionId });
      return res;
    }),
});
