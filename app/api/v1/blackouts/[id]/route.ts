import { z } from "zod";
import { authedRoute } from "@/app/api/_lib/route";
import { removeBlackout } from "@/lib/resources/manage-blackouts";

const params = z.object({ id: z.uuid("not_found") });

/** DELETE /api/v1/blackouts/{id} → `{ id, deleted: true }`; only the resource's owner may reopen the period. */
export const DELETE = authedRoute({ params }, async ({ db, actor, params }) => ({
  body: await removeBlackout(db, actor, { blackoutId: params.id }),
}));
