import { bookingDecisionRoute } from "@/app/api/_lib/decision-route";
import { approveBooking } from "@/lib/bookings/decide-booking";

export const POST = bookingDecisionRoute((db, actor, input) => approveBooking(db, actor, input));
