import CollegeSlotBookingPage from "./CollegeSlotBookingPage.js";
import CollegeSlotsPage from "./CollegeSlotsPage.js";

/** Both slot pages behind one lazy import: each lazy route costs the home page's first load a little. */
export default function CollegeSlotRoutes({ id }: { id?: string | undefined }) {
  return id ? <CollegeSlotBookingPage key={id} id={id} /> : <CollegeSlotsPage />;
}
