import { z } from "zod";
import { authedRoute } from "@/app/api/_lib/route";
import { nextFreeSlots, nextFreeSlotsSchema } from "@/lib/resources/get-availability";

const params = z.object({ id: z.uuid("not_found") });
const query = nextFreeSlotsSchema.omit({ resourceId: true });

/** GET /api/v1/resources/{id}/slots?durationMinutes=&quantity=&count= → `{ items: [{ start, end }] }`, soonest first. */
export const GET = authedRoute({ params, query }, async ({ db, actor, params, query }) => ({
  body: { items: await nextFreeSlots(db, actor, { ...query, resourceId: params.id }) },
}));
