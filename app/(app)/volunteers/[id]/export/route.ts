import { z } from "zod";
import { authedRoute } from "@/app/api/_lib/route";
import { uuidParam } from "@/lib/validation";
import { exportVolunteer } from "@/lib/volunteers/export-volunteer";

/**
 * `GET /volunteers/{id}/export` → everything the organisation holds on one of its volunteers, as a JSON attachment.
 * Another organisation's volunteer (or no permission) answers like an unknown one.
 */
export const GET = authedRoute({ params: z.object({ id: uuidParam }) }, async ({ db, actor, params }) => {
  const data = await exportVolunteer(db, actor, { volunteerId: params.id });
  return new Response(`${JSON.stringify(data, null, 2)}\n`, {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="wolontariusz-${params.id.slice(0, 8)}.json"`,
      "Cache-Control": "no-store",
    },
  });
});
