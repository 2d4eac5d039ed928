import { z } from "zod";
import { authedRoute } from "@/app/api/_lib/route";
import { archiveResource } from "@/lib/resources/archive-resource";
import { getResource } from "@/lib/resources/get-resource";
import { updateResourceSchema } from "@/lib/resources/resource-schema";
import { updateResource } from "@/lib/resources/update-resource";

const params = z.object({ id: z.uuid("not_found") });

/** GET /api/v1/resources/{id} → the resource, its owner, weekly hours and coming closures. */
export const GET = authedRoute({ params }, async ({ db, actor, params }) => ({
  body: await getResource(db, actor, params.id),
}));

/** PATCH /api/v1/resources/{id} → the changed resource; only its owner may change it. */
export const PATCH = authedRoute({ params, body: updateResourceSchema }, async ({ db, actor, params, body }) => ({
  body: await updateResource(db, actor, { ...body, resourceId: params.id }),
}));

/** DELETE /api/v1/resources/{id} archives it → `{ id, status: "archived", futureBookings }`. */
export const DELETE = authedRoute({ params }, async ({ db, actor, params }) => ({
  body: await archiveResource(db, actor, { resourceId: params.id }),
}));
