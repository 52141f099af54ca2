import {
  bookSlotInput,
  collegeSubmitResult,
  publicSlotView,
  publishSlotsInput,
  publishSlotsResult,
  slotFiguresInput,
  slotFiguresView,
  slotIdInput,
  slotListFilters,
  slotSearchInput,
  staffSlotView,
  withdrawSlotInput,
} from "@medianum/domain";
import { z } from "zod";
import { audit } from "../shared/audit.js";
import { RATE_LIMITS } from "../shared/rate-limit.js";
import { publicProcedure, rateLimited, rateLimitedToAccepted, router, staffProcedure } from "../trpc.js";
import { bookSlot } from "./book-slot.js";
import { publicSlot, publicSlots, staffSlots } from "./list-slots.js";
import { publishSlots } from "./publish-slots.js";
import { slotFigures } from "./slot-figures.js";
import { withdrawSlot } from "./withdraw-slot.js";

/** Reading slots is cheap, but a list per keystroke must not become a scraper. */
const SLOT_READS = { limit: 120, windowMs: 10 * 60_000 };

export const collegeSlotRouter = router({
  // ─── Portal (no account) ─────────────────────────────────────────────────

  /** Upcoming slots a collège of this commune can take. */
  search: publicProcedure
    .use(rateLimited("college-slot.read", SLOT_READS))
    .input(slotSearchInput)
    .output(z.array(publicSlotView))
    .query(({ ctx, input }) => publicSlots(ctx.db.prisma, input, ctx.now())),

  slot: publicProcedure
    .use(rateLimited("college-slot.read", SLOT_READS))
    .input(slotIdInput)
    .output(publicSlotView)
    .query(({ ctx, input }) => publicSlot(ctx.db.prisma, input.slotId, ctx.now())),

  /** Books a slot: the request is "Programmée" at once; the tracking link as for a request. */
  book: publicProcedure
    .use(rateLimitedToAccepted("college-slot.book", RATE_LIMITS.bookingsPerIp, RATE_LIMITS.refusedBookingsPerIp))
    .input(bookSlotInput)
    .output(collegeSubmitResult)
    .mutation(({ ctx, input }) => bookSlot(ctx.db.prisma, input, ctx.config, ctx.now())),

  // ─── Back-office ─────────────────────────────────────────────────────────

  list: staffProcedure
    .input(slotListFilters.default({}))
    .output(z.array(staffSlotView))
    .query(({ ctx, input }) => staffSlots(ctx.db.prisma, input, ctx.now())),

  /** Publishes slots in bulk; returns the counsellors' conflicts without saving unless confirmed. */
  publish: staffProcedure
    .input(publishSlotsInput)
    .output(publishSlotsResult)
    .mutation(async ({ ctx, input }) => {
      const res = await publishSlots(ctx.db.prisma, ctx.user.id, input, ctx.now());
      if (res.outcome === "published") {
        await audit(ctx, ctx.db.prisma, "college-slot.publish", { type: "CollegeSlot", id: res.slotIds[0]! }, { count: res.count, conflictsConfirmed: input.confirmConflicts });
      }
      return res;
    }),

  withdraw: staffProcedure
    .input(withdrawSlotInput)
    .output(z.object({ cancelledSessions: z.number().int() }))
    .mutation(async ({ ctx, input }) => {
      const res = await withdrawSlot(ctx.db.prisma, ctx.user.id, input.slotId, input.reason, ctx.config, ctx.now());
      await audit(ctx, ctx.db.prisma, "college-slot.withdraw", { type: "CollegeSlot", id: input.slotId }, res);
      return res;
    }),

  /** Fill rate of the slots by month and territory, and the collèges not reached. */
  figures: staffProcedure
    .input(slotFiguresInput.default({}))
    .output(slotFiguresView)
    .query(({ ctx, input }) => slotFigures(ctx.db.prisma, input, ctx.now())),
});
