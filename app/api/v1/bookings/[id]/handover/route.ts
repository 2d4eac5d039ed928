import { z } from "zod";
import { authedRoute } from "@/app/api/_lib/route";
import { recordHandover } from "@/lib/bookings/record-handover";
import { optionalText, uuidParam } from "@/lib/validation";

/** `POST /api/v1/bookings/{id}/handover` `{"step":"handed_over"|"returned","note"?}` → `200 {"id","step"}` */
export const POST = authedRoute(
  {
    params: z.object({ id: uuidParam }),
    body: z.object({ step: z.enum(["handed_over", "returned"], "invalid"), note: optionalText(1000) }).strict(),
  },
  async ({ db, actor, params, body }) => ({
    body: await recordHandover(db, actor, { bookingId: params.id, step: body.step, note: body.note }),
  }),
);
