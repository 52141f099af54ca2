import { activityRouter } from "./activity/router.js";
import { agendaRouter } from "./agenda/router.js";
import { authRouter } from "./auth/router.js";
import { bookingRouter } from "./booking/router.js";
import { collegeRouter } from "./college/router.js";
import { router } from "./trpc.js";
import { workshopRouter } from "./workshop/router.js";

export const appRouter = router({
  auth: authRouter,
  booking: bookingRouter,
  workshop: workshopRouter,
  college: collegeRouter,
  agenda: agendaRouter,
  activity: activityRouter,
});

export type AppRouter = typeof appRouter;
