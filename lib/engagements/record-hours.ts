import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/connect";
import { engagements } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { type Actor, assertCan } from "@/lib/auth/permissions";
import { hoursProblem } from "@/lib/domain/volunteer-work";
import { AppError } from "@/lib/errors";
import { nudgeDelivery } from "@/lib/mail/wake";
import { engagementNotice } from "@/lib/notifications/engagement-notices";
import { notify } from "@/lib/notifications/notify";
import { optionalText } from "@/lib/validation";
import { engagementLink, lockEngagementAs } from "./locate-engagement";

/** Hours as typed: `2`, `2.5`, `2,75` (a Polish decimal comma). */
export const hoursField = z
  .union([z.number("hours_format"), z.string("required")], "hours_format")
  .transform((v) => (typeof v === "number" ? String(v) : v.trim().replace(",", ".")))
  .pipe(
    z
      .string()
      .min(1, "required")
      .regex(/^\d{1,3}(\.\d{1,2})?$/, "hours_format")
      .transform(Number),
  );

export const recordHoursSchema = z.object({
  engagementId: z.uuid("not_found"),
  hours: hoursField,
  note: optionalText(1000),
});
export type RecordHoursInput = z.input<typeof recordHoursSchema>;

/**
 * After the work, the volunteer's organisation records the hours actually worked (in quarters of an hour, at most
 * the engagement's length). Recorded hours wait for the receiving organisation; disputed ones can be recorded
 * again; confirmed ones are final (the database refuses to change them).
 */
export async function recordHours(db: Db, actor: Actor | null, input: RecordHoursInput, now = new Date()) {
  assertCan(actor, "volunteers.manage");
  const { engagementId, hours, note } = recordHoursSchema.parse(input);
  const result = await db.transaction(async (tx) => {
    const { engagement: e } = await lockEngagementAs(tx, actor, engagementId, ["volunteers"]);
    if (e.status !== "active") throw new AppError("invalid_state", { status: e.status });
    if (e.end > now) throw new AppError("invalid_state", { status: "not_ended" });
    if (e.hoursStatus === "confirmed" || e.hoursStatus === "recorded") {
      throw new AppError("invalid_state", { status: `hours_${e.hoursStatus}` });
    }
    const problem = hoursProblem(hours, e.start, e.end);
    if (problem) throw new AppError("validation", { field: "hours", reason: problem });
    await tx
      .update(engagements)
      .set({
        hours: hours.toFixed(2),
        hoursStatus: "recorded",
        hoursNote: note ?? null,
        hoursRecordedBy: actor.userId,
        hoursRecordedAt: now,
        hoursDecidedBy: null,
        hoursDecidedAt: null,
        updatedAt: now,
      })
      .where(eq(engagements.id, engagementId));
    await recordAudit(tx, {
      actorUserId: actor.userId,
      organisationId: actor.organisationId,
      action: "engagement.hours_record",
      entityType: "engagement",
      entityId: engagementId,
      before: { hoursStatus: e.hoursStatus, hours: e.hours === null ? null : Number(e.hours) },
      after: { hoursStatus: "recorded", hours },
    });
    if (e.receivingOrganisationId !== actor.organisationId) {
      await notify(
        tx,
        [
          engagementNotice("hours_recorded", {
            to: e.receivingOrganisationId,
            exceptUserId: actor.userId,
            title: e.title,
            counterpart: actor.organisationName,
            start: e.start,
            end: e.end,
            hours,
            link: "/engagements?side=received",
          }),
        ],
        now,
      );
    }
    return { id: engagementId, hours, hoursStatus: "recorded" as const, link: engagementLink(e) };
  });
  nudgeDelivery();
  return result;
}
