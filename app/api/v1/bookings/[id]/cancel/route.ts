import { bookingDecisionRoute } from "@/app/api/_lib/decision-route";
import { cancelBooking } from "@/lib/bookings/cancel-booking";

export const POST = bookingDecisionRoute((db, actor, input) => cancelBooking(db, actor, input));
