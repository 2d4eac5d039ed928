import { and, eq, inArray, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/connect";
import { engagements, needAnswers, needs } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { type Actor, assertCan } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { nudgeDelivery } from "@/lib/mail/wake";
import { engagementNotice } from "@/lib/notifications/engagement-notices";
import { notify } from "@/lib/notifications/notify";
import { optionalText } from "@/lib/validation";
import { loadNeed } from "./need-core";

export const cancelNeedSchema = z.object({ needId: z.uuid("not_found"), note: optionalText(1000) });
export type CancelNeedInput = z.input<typeof cancelNeedSchema>;

/**
 * The poster cancels an open or filled need: its engagements are cancelled (unless hours were already recorded for
 * one — then the work happened, and the need can no longer be cancelled), the answers still waiting are declined,
 * and every partner that answered is told.
 */
export async function cancelNeed(db: Db, actor: Actor | null, input: CancelNeedInput, now = new Date()) {
  assertCan(actor, "needs.manage");
  const { needId, note } = cancelNeedSchema.parse(input);
  const result = await db.transaction(async (tx) => {
    const need = await loadNeed(tx, needId, true);
    if (need.organisationId !== actor.organisationId) throw new AppError("not_found");
    if (need.status !== "open" && need.status !== "filled")
      throw new AppError("invalid_state", { status: need.status });
    const answers = await tx
      .select({ id: needAnswers.id, organisationId: needAnswers.organisationId, status: needAnswers.status })
      .from(needAnswers)
      .where(and(eq(needAnswers.needId, needId), inArray(needAnswers.status, ["offered", "accepted"])));
    const answerIds = answers.map((a) => a.id);
    if (answerIds.length > 0) {
      const [worked] = await tx
        .select({ n: sql<number>`count(*)`.mapWith(Number) })
        .from(engagements)
        .where(
          and(
            inArray(engagements.needAnswerId, answerIds),
            eq(engagements.status, "active"),
            sql`${engagements.hoursStatus} <> 'none'`,
          ),
        );
      if ((worked?.n ?? 0) > 0) throw new AppError("invalid_state", { status: "hours_recorded" });
      await tx
        .update(engagements)
        .set({ status: "cancelled", cancelledAt: now, updatedAt: now })
        .where(and(inArray(engagements.needAnswerId, answerIds), eq(engagements.status, "active")));
      await tx
        .update(needAnswers)
        .set({ status: "declined", decidedBy: actor.userId, decidedAt: now })
        .where(and(inArray(needAnswers.id, answerIds), eq(needAnswers.status, "offered")));
    }
    await tx.update(needs).set({ status: "cancelled", closedAt: now, updatedAt: now }).where(eq(needs.id, needId));
    await recordAudit(tx, {
      actorUserId: actor.userId,
      organisationId: actor.organisationId,
      action: "need.cancel",
      entityType: "need",
      entityId: needId,
      before: { status: need.status },
      after: { status: "cancelled", answers: answerIds.length },
    });
    const told = [...new Set(answers.map((a) => a.organisationId))];
    if (told.length > 0) {
      await notify(
        tx,
        told.map((to) =>
          engagementNotice("need_cancelled", {
            to,
            exceptUserId: actor.userId,
            title: need.title,
            counterpart: actor.organisationName,
            start: need.start,
            end: need.end,
            reason: note,
            link: `/needs/${needId}`,
          }),
        ),
        now,
      );
    }
    return { id: needId, status: "cancelled" as const, told: told.length };
  });
  nudgeDelivery();
  return result;
}
