import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/connect";
import { engagements } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { type Actor, assertCan } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { nudgeDelivery } from "@/lib/mail/wake";
import { engagementNotice } from "@/lib/notifications/engagement-notices";
import { notify } from "@/lib/notifications/notify";
import { optionalText } from "@/lib/validation";
import { lockEngagementAs } from "./locate-engagement";

export const decideHoursSchema = z.object({ engagementId: z.uuid("not_found"), note: optionalText(1000) });
export type DecideHoursInput = z.input<typeof decideHoursSchema>;

/**
 * The receiving organisation confirms the recorded hours (final: only confirmed hours count in reports and
 * certificates) or disputes them with a reason (the volunteer's organisation may then record them again).
 */
async function decideHours(
  db: Db,
  actor: Actor | null,
  input: DecideHoursInput,
  decision: "confirmed" | "disputed",
  now: Date,
) {
  assertCan(actor, "needs.manage");
  const { engagementId, note } = decideHoursSchema.parse(input);
  if (decision === "disputed" && !note) throw new AppError("validation", { field: "note", reason: "reason_required" });
  const result = await db.transaction(async (tx) => {
    const { engagement: e } = await lockEngagementAs(tx, actor, engagementId, ["receiving"]);
    if (e.status !== "active" || e.hoursStatus !== "recorded") {
      throw new AppError("invalid_state", { status: e.status === "active" ? `hours_${e.hoursStatus}` : e.status });
    }
    await tx
      .update(engagements)
      .set({
        hoursStatus: decision,
        hoursDecidedBy: actor.userId,
        hoursDecidedAt: now,
        disputeNote: decision === "disputed" ? (note ?? null) : null,
        updatedAt: now,
      })
      .where(eq(engagements.id, engagementId));
    const hours = Number(e.hours);
    await recordAudit(tx, {
      actorUserId: actor.userId,
      organisationId: actor.organisationId,
      action: decision === "confirmed" ? "engagement.hours_confirm" : "engagement.hours_dispute",
      entityType: "engagement",
      entityId: engagementId,
      before: { hoursStatus: "recorded", hours },
      after: { hoursStatus: decision, hours },
    });
    if (e.organisationId !== actor.organisationId) {
      await notify(
        tx,
        [
          engagementNotice(decision === "confirmed" ? "hours_confirmed" : "hours_disputed", {
            to: e.organisationId,
            exceptUserId: actor.userId,
            title: e.title,
            counterpart: actor.organisationName,
            start: e.start,
            end: e.end,
            hours,
            reason: note,
            link: "/engagements",
          }),
        ],
        now,
      );
    }
    return { id: engagementId, hours, hoursStatus: decision };
  });
  nudgeDelivery();
  return result;
}

export const confirmHours = (db: Db, actor: Actor | null, input: DecideHoursInput, now = new Date()) =>
  decideHours(db, actor, input, "confirmed", now);

export const disputeHours = (db: Db, actor: Actor | null, input: DecideHoursInput, now = new Date()) =>
  decideHours(db, actor, input, "disputed", now);
