import { and, eq, ne } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/connect";
import { engagements, needAnswers, needAnswerVolunteers, organisations } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { type Actor, assertCan } from "@/lib/auth/permissions";
import { toRange } from "@/lib/domain/period";
import { assertFree, assertGates, gateCheck, guardOverlap } from "@/lib/engagements/engagement-core";
import { AppError } from "@/lib/errors";
import { nudgeDelivery } from "@/lib/mail/wake";
import { engagementNotice } from "@/lib/notifications/engagement-notices";
import type { Notice } from "@/lib/notifications/notify";
import { notify } from "@/lib/notifications/notify";
import { optionalText } from "@/lib/validation";
import { isAnswerable, loadNeed, type NeedRow, needRequirement } from "./need-core";
import { refreshNeedFill } from "./need-fill";

export const decideAnswerSchema = z.object({ answerId: z.uuid("not_found"), note: optionalText(1000) });
export type DecideAnswerInput = z.input<typeof decideAnswerSchema>;

/** The answer and its need, locked; only the poster decides (the answering partner gets `forbidden`). */
async function lockAnswerForPoster(tx: Db, actor: Actor, answerId: string) {
  const [answer] = await tx
    .select({
      id: needAnswers.id,
      needId: needAnswers.needId,
      organisationId: needAnswers.organisationId,
      organisationName: organisations.name,
      status: needAnswers.status,
    })
    .from(needAnswers)
    .innerJoin(organisations, eq(organisations.id, needAnswers.organisationId))
    .where(eq(needAnswers.id, answerId));
  if (!answer) throw new AppError("not_found");
  const need = await loadNeed(tx, answer.needId, true);
  if (need.organisationId !== actor.organisationId) {
    throw new AppError(answer.organisationId === actor.organisationId ? "forbidden" : "not_found");
  }
  const [locked] = await tx
    .select({ status: needAnswers.status })
    .from(needAnswers)
    .where(eq(needAnswers.id, answerId))
    .for("update");
  return { answer: { ...answer, status: locked.status }, need };
}

const declinedNotice = (need: NeedRow, to: string, counterpart: string, actor: Actor, reason?: string | null) =>
  engagementNotice("answer_declined", {
    to,
    exceptUserId: actor.userId,
    title: need.title,
    counterpart,
    start: need.start,
    end: need.end,
    reason,
    link: `/needs/${need.id}`,
  });

/**
 * The poster accepts an answer: each of its volunteers gets an engagement for the need's time (gates and overlap
 * checked again now, the exclusion constraint holding under concurrency). Once the accepted volunteers reach the
 * number needed, the need is `filled` and the answers still waiting are declined.
 */
export async function acceptAnswer(db: Db, actor: Actor | null, input: DecideAnswerInput, now = new Date()) {
  assertCan(actor, "needs.manage");
  const { answerId, note } = decideAnswerSchema.parse(input);
  const result = await guardOverlap(() =>
    db.transaction(async (tx) => {
      const { answer, need } = await lockAnswerForPoster(tx, actor, answerId);
      if (answer.status !== "offered") throw new AppError("invalid_state", { status: answer.status });
      if (!isAnswerable(need, now)) throw new AppError("invalid_state", { status: `need_${need.status}` });
      const ids = (
        await tx
          .select({ id: needAnswerVolunteers.volunteerId })
          .from(needAnswerVolunteers)
          .where(eq(needAnswerVolunteers.answerId, answerId))
      ).map((r) => r.id);
      const requirement = await needRequirement(tx, need);
      const subjects = await gateCheck(tx, ids, requirement, need.end);
      assertGates(subjects);
      await assertFree(tx, subjects, need.start, need.end);
      const rows = await tx
        .insert(engagements)
        .values(
          subjects.map((s) => ({
            volunteerId: s.id,
            organisationId: s.organisationId,
            receivingOrganisationId: need.organisationId,
            needAnswerId: answerId,
            title: need.title,
            period: toRange(need),
            childrenCheckRequired: need.childrenCheckRequired,
            assignedBy: actor.userId,
            createdAt: now,
            updatedAt: now,
          })),
        )
        .returning({ id: engagements.id });
      await tx
        .update(needAnswers)
        .set({ status: "accepted", decidedBy: actor.userId, decidedAt: now, decisionNote: note ?? null })
        .where(eq(needAnswers.id, answerId));
      const fill = await refreshNeedFill(tx, need.id, now);
      const notices: Notice[] = [
        engagementNotice("answer_accepted", {
          to: answer.organisationId,
          exceptUserId: actor.userId,
          title: need.title,
          counterpart: actor.organisationName,
          start: need.start,
          end: need.end,
          count: rows.length,
          reason: note,
          link: `/needs/${need.id}`,
        }),
      ];
      let declined: string[] = [];
      if (fill === "filled") {
        const waiting = await tx
          .update(needAnswers)
          .set({ status: "declined", decidedBy: actor.userId, decidedAt: now })
          .where(and(eq(needAnswers.needId, need.id), eq(needAnswers.status, "offered"), ne(needAnswers.id, answerId)))
          .returning({ id: needAnswers.id, organisationId: needAnswers.organisationId });
        declined = waiting.map((w) => w.id);
        for (const w of waiting)
          notices.push(declinedNotice(need, w.organisationId, actor.organisationName, actor, null));
      }
      await recordAudit(tx, {
        actorUserId: actor.userId,
        organisationId: actor.organisationId,
        action: "need.answer_accept",
        entityType: "need_answer",
        entityId: answerId,
        before: { status: "offered" },
        after: { status: "accepted", engagements: rows.map((r) => r.id), needStatus: fill ?? need.status, declined },
      });
      await notify(tx, notices, now);
      return { id: answerId, engagements: rows.map((r) => r.id), needStatus: fill ?? need.status };
    }),
  );
  nudgeDelivery();
  return result;
}

/** The poster declines an answer still waiting, optionally saying why; the answering partner is told. */
export async function declineAnswer(db: Db, actor: Actor | null, input: DecideAnswerInput, now = new Date()) {
  assertCan(actor, "needs.manage");
  const { answerId, note } = decideAnswerSchema.parse(input);
  const result = await db.transaction(async (tx) => {
    const { answer, need } = await lockAnswerForPoster(tx, actor, answerId);
    if (answer.status !== "offered") throw new AppError("invalid_state", { status: answer.status });
    await tx
      .update(needAnswers)
      .set({ status: "declined", decidedBy: actor.userId, decidedAt: now, decisionNote: note ?? null })
      .where(eq(needAnswers.id, answerId));
    await recordAudit(tx, {
      actorUserId: actor.userId,
      organisationId: actor.organisationId,
      action: "need.answer_decline",
      entityType: "need_answer",
      entityId: answerId,
      before: { status: "offered" },
      after: { status: "declined" },
    });
    await notify(tx, [declinedNotice(need, answer.organisationId, actor.organisationName, actor, note)], now);
    return { id: answerId, needId: need.id, status: "declined" as const };
  });
  nudgeDelivery();
  return result;
}
