import { z } from "zod";
import { authedRoute } from "@/app/api/_lib/route";
import { getBooking } from "@/lib/bookings/list-bookings";
import { bookingICalendar } from "@/lib/calendar/feeds";
import { uuidParam } from "@/lib/validation";

/** One booking as an `.ics` file, for either party. */
export const GET = authedRoute({ params: z.object({ id: uuidParam }) }, async ({ db, actor, params, locale }) => {
  const booking = await getBooking(db, actor, params.id);
  return new Response(await bookingICalendar(booking, locale), {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": `attachment; filename="rezerwacja-${booking.id.slice(0, 8)}.ics"`,
    },
  });
});
