import { z } from "zod";
import { authedRoute } from "@/app/api/_lib/route";
import { bookingJson } from "@/lib/bookings/booking-view";
import { getBooking } from "@/lib/bookings/list-bookings";
import { uuidParam } from "@/lib/validation";

export const GET = authedRoute({ params: z.object({ id: uuidParam }) }, async ({ db, actor, params }) => ({
  body: bookingJson(await getBooking(db, actor, params.id)),
}));
