import { activityRouter } from "./activity/router.js";
import { agendaRouter } from "./agenda/router.js";
import { authRouter } from "./auth/router.js";
import { totpRouter } from "./auth/totp/router.js";
import { bookingRouter } from "./booking/router.js";
import { collegeRouter } from "./college/router.js";
import { collegeSlotRouter } from "./college-slot/router.js";
import { outboxRouter } from "./mail/router.js";
import { router } from "./trpc.js";
import { statsRouter } from "./stats/router.js";
import { territoryRouter } from "./territory/router.js";
import { placesRouter } from "./places/router.js";
import { teamRouter } from "./team/router.js";
import { auditRouter } from "./audit/router.js";
import { workshopRouter } from "./workshop/router.js";
import { syncRouter } from "./sync/router.js";
import { passNumeriqueRouter } from "./pass-numerique/router.js";
import { directoryRouter } from "./directory/router.js";
import { myFiguresRouter } from "./my-figures/router.js";
import { activityStaffRouter } from "./activity/staff-router.js";
import { feedbackRouter } from "./feedback/router.js";

export const appRouter = router({
  stats: statsRouter,
  territory: territoryRouter,
  places: placesRouter,
  team: teamRouter,
  audit: auditRouter,
  auth: authRouter,
  totp: totpRouter,
  booking: bookingRouter,
  workshop: workshopRouter,
  college: collegeRouter,
  collegeSlot: collegeSlotRouter,
  agenda: agendaRouter,
  activity: activityRouter,
  outbox: outboxRouter,
  sync: syncRouter,
  passNumerique: passNumeriqueRouter,
  directory: directoryRouter,
  myFigures: myFiguresRouter,
  activityStaff: activityStaffRouter,
  feedback: feedbackRouter,
});

export type AppRouter = typeof appRouter;
