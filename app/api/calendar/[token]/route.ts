import { z } from "zod";
import { publicRoute } from "@/app/api/_lib/route";
import { getDb } from "@/db/client";
import { renderCalendarFeed } from "@/lib/calendar/feeds";
import { AppError } from "@/lib/errors";

/** The secret-token iCal feed that Google Calendar and Outlook subscribe to; `.ics` at the end is optional. */
export const GET = publicRoute({ params: z.object({ token: z.string().max(120) }) }, async ({ params, locale }) => {
  const body = await renderCalendarFeed(await getDb(), params.token.replace(/\.ics$/, ""), locale);
  if (body === null) throw new AppError("not_found");
  return new Response(body, {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Cache-Control": "private, max-age=300",
      "Content-Disposition": 'inline; filename="wspoldzielnia.ics"',
    },
  });
});
