import { z } from "zod";
import { authedRoute } from "@/app/api/_lib/route";
import { addBlackout, blackoutBodySchema } from "@/lib/resources/manage-blackouts";

const params = z.object({ id: z.uuid("not_found") });

/** POST /api/v1/resources/{id}/blackouts `{ start, end, reason }` → 201 with the closure and the bookings inside it. */
export const POST = authedRoute({ params, body: blackoutBodySchema }, async ({ db, actor, params, body }) => ({
  status: 201,
  body: await addBlackout(db, actor, { ...body, resourceId: params.id }),
}));
