import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/connect";
import { volunteers } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { type Actor, assertCan } from "@/lib/auth/permissions";
import { assertNotErased, lockOwnVolunteer } from "./volunteer-access";
import { setVolunteerActiveSchema } from "./volunteer-schema";

/**
 * Deactivates a volunteer (no longer offered to partners, kept with the history) or brings one back. Engagements
 * already agreed stay; setting the same state twice changes nothing.
 */
export async function setVolunteerActive(
  db: Db,
  actor: Actor | null,
  input: { volunteerId: string; active: boolean | string },
  now: Date = new Date(),
): Promise<{ id: string; active: boolean }> {
  assertCan(actor, "volunteers.manage");
  const { volunteerId, active } = setVolunteerActiveSchema.parse(input);
  return db.transaction(async (tx) => {
    const row = await lockOwnVolunteer(tx, actor, volunteerId);
    assertNotErased(row);
    if (row.active !== active) {
      await tx
        .update(volunteers)
        .set({ active, updatedAt: now })
        .where(and(eq(volunteers.id, row.id), eq(volunteers.organisationId, actor.organisationId)));
      await recordAudit(tx, {
        actorUserId: actor.userId,
        organisationId: actor.organisationId,
        action: active ? "volunteer.activate" : "volunteer.deactivate",
        entityType: "volunteer",
        entityId: row.id,
        before: { active: row.active },
        after: { active },
      });
    }
    return { id: row.id, active };
  });
}
