import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/connect";
import { engagements } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { type Actor, assertCan } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { nudgeDelivery } from "@/lib/mail/wake";
import { refreshNeedFill } from "@/lib/needs/need-fill";
import { engagementNotice } from "@/lib/notifications/engagement-notices";
import { notify } from "@/lib/notifications/notify";
import { optionalText } from "@/lib/validation";
import { engagementLink, lockEngagementAs } from "./locate-engagement";

export const cancelEngagementSchema = z.object({ engagementId: z.uuid("not_found"), note: optionalText(1000) });
export type CancelEngagementInput = z.input<typeof cancelEngagementSchema>;

/**
 * Takes a volunteer off a piece of work before it starts: the volunteer's organisation (unassigning from an offer,
 * or withdrawing from an accepted need) or the receiving one. The other side is told; a filled need opens again.
 */
export async function cancelEngagement(db: Db, actor: Actor | null, input: CancelEngagementInput, now = new Date()) {
  if (!actor) throw new AppError("unauthenticated");
  const { engagementId, note } = cancelEngagementSchema.parse(input);
  const result = await db.transaction(async (tx) => {
    const { engagement: e, as } = await lockEngagementAs(tx, actor, engagementId, ["volunteers", "receiving"]);
    assertCan(actor, as === "volunteers" ? "volunteers.manage" : "needs.manage");
    if (e.status !== "active") throw new AppError("invalid_state", { status: e.status });
    if (e.start <= now) throw new AppError("invalid_state", { status: "started" });
    await tx
      .update(engagements)
      .set({ status: "cancelled", cancelledAt: now, updatedAt: now })
      .where(eq(engagements.id, engagementId));
    await recordAudit(tx, {
      actorUserId: actor.userId,
      organisationId: actor.organisationId,
      action: "engagement.cancel",
      entityType: "engagement",
      entityId: engagementId,
      before: { status: "active" },
      after: { status: "cancelled", by: as, volunteerId: e.volunteerId },
    });
    if (e.needId) await refreshNeedFill(tx, e.needId, now);
    const other = as === "volunteers" ? e.receivingOrganisationId : e.organisationId;
    if (other !== actor.organisationId) {
      await notify(
        tx,
        [
          engagementNotice("engagement_cancelled", {
            to: other,
            exceptUserId: actor.userId,
            title: e.title,
            counterpart: actor.organisationName,
            start: e.start,
            end: e.end,
            reason: note,
            link: engagementLink(e),
          }),
        ],
        now,
      );
    }
    return { id: engagementId, status: "cancelled" as const, side: as };
  });
  nudgeDelivery();
  return result;
}
