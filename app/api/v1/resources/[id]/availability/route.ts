import { z } from "zod";
import { authedRoute } from "@/app/api/_lib/route";
import { availabilityQuerySchema, getAvailability } from "@/lib/resources/get-availability";

const params = z.object({ id: z.uuid("not_found") });

/** GET /api/v1/resources/{id}/availability?from=&to= → `{ free, busy, bookings, blackouts }` (at most 62 days). */
export const GET = authedRoute({ params, query: availabilityQuerySchema }, async ({ db, actor, params, query }) => ({
  body: await getAvailability(db, actor, { ...query, resourceId: params.id }),
}));
