import { bookingDecisionRoute } from "@/app/api/_lib/decision-route";
import { declineBooking } from "@/lib/bookings/decide-booking";

export const POST = bookingDecisionRoute((db, actor, input) => declineBooking(db, actor, input));
