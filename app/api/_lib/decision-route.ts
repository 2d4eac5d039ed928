import { z } from "zod";
import type { Db } from "@/db/connect";
import type { Actor } from "@/lib/auth/permissions";
import { optionalText, uuidParam } from "@/lib/validation";
import { authedRoute } from "./route";

/** `POST /api/v1/bookings/{id}/<verb>` with `{"note"?}` → `200 {"id","status"}`. */
export function bookingDecisionRoute(
  run: (db: Db, actor: Actor, input: { bookingId: string; note?: string }) => Promise<{ id: string; status: string }>,
) {
  return authedRoute(
    { params: z.object({ id: uuidParam }), body: z.object({ note: optionalText(1000) }).strict() },
    async ({ db, actor, params, body }) => {
      const result = await run(db, actor, { bookingId: params.id, note: body.note });
      return { body: { id: result.id, status: result.status } };
    },
  );
}
