import { and, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/connect";
import { needAnswers, needAnswerVolunteers } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { type Actor, assertCan } from "@/lib/auth/permissions";
import { volunteerIdsSchema } from "@/lib/engagements/assign-volunteers";
import { assertFree, assertGates, gateCheck } from "@/lib/engagements/engagement-core";
import { AppError, sqlState } from "@/lib/errors";
import { nudgeDelivery } from "@/lib/mail/wake";
import { engagementNotice } from "@/lib/notifications/engagement-notices";
import { notify } from "@/lib/notifications/notify";
import { optionalText } from "@/lib/validation";
import { isAnswerable, loadNeed, needRequirement } from "./need-core";

export const answerNeedSchema = z.object({
  needId: z.uuid("not_found"),
  volunteerIds: volunteerIdsSchema,
  note: optionalText(1000),
});
export type AnswerNeedInput = z.input<typeof answerNeedSchema>;

/**
 * A partner answers a need with named volunteers of its own. Each must pass the need's gates (children-work check,
 * valid qualifications for the certified skills on the need's last day) and be free at its time. One live answer per
 * partner and need (the database's unique index); the poster is told.
 */
export async function answerNeed(db: Db, actor: Actor | null, input: AnswerNeedInput, now = new Date()) {
  assertCan(actor, "needs.manage");
  const { needId, volunteerIds, note } = answerNeedSchema.parse(input);
  try {
    const result = await db.transaction(async (tx) => {
      const need = await loadNeed(tx, needId, true);
      if (need.organisationId === actor.organisationId) throw new AppError("invalid_state", { status: "own_need" });
      if (!isAnswerable(need, now)) throw new AppError("invalid_state", { status: `need_${need.status}` });
      const [live] = await tx
        .select({ id: needAnswers.id })
        .from(needAnswers)
        .where(
          and(
            eq(needAnswers.needId, needId),
            eq(needAnswers.organisationId, actor.organisationId),
            inArray(needAnswers.status, ["offered", "accepted"]),
          ),
        );
      if (live) throw new AppError("invalid_state", { status: "already_answered" });
      const requirement = await needRequirement(tx, need);
      const subjects = (await gateCheck(tx, volunteerIds, requirement, need.end)).filter(
        (s) => s.organisationId === actor.organisationId,
      );
      if (subjects.length !== volunteerIds.length) {
        throw new AppError("validation", { field: "volunteerIds", reason: "not_our_volunteer" });
      }
      assertGates(subjects);
      await assertFree(tx, subjects, need.start, need.end);
      const [answer] = await tx
        .insert(needAnswers)
        .values({
          needId,
          organisationId: actor.organisationId,
          createdBy: actor.userId,
          note: note ?? "",
          createdAt: now,
        })
        .returning({ id: needAnswers.id });
      await tx
        .insert(needAnswerVolunteers)
        .values(volunteerIds.map((volunteerId) => ({ answerId: answer.id, volunteerId })));
      await recordAudit(tx, {
        actorUserId: actor.userId,
        organisationId: actor.organisationId,
        action: "need.answer",
        entityType: "need_answer",
        entityId: answer.id,
        after: { needId, volunteers: volunteerIds },
      });
      await notify(
        tx,
        [
          engagementNotice("need_answered", {
            to: need.organisationId,
            exceptUserId: actor.userId,
            title: need.title,
            counterpart: actor.organisationName,
            start: need.start,
            end: need.end,
            count: volunteerIds.length,
            link: `/needs/${needId}`,
          }),
        ],
        now,
      );
      return { id: answer.id };
    });
    nudgeDelivery();
    return result;
  } catch (error) {
    if (sqlState(error) === "23505") throw new AppError("invalid_state", { status: "already_answered" });
    throw error;
  }
}

export const withdrawAnswerSchema = z.object({ answerId: z.uuid("not_found") });

/** The answering partner withdraws an answer the poster has not decided yet. */
export async function withdrawAnswer(
  db: Db,
  actor: Actor | null,
  input: z.input<typeof withdrawAnswerSchema>,
  now = new Date(),
) {
  assertCan(actor, "needs.manage");
  const { answerId } = withdrawAnswerSchema.parse(input);
  return db.transaction(async (tx) => {
    const [answer] = await tx
      .select({ id: needAnswers.id, needId: needAnswers.needId, status: needAnswers.status })
      .from(needAnswers)
      .where(and(eq(needAnswers.id, answerId), eq(needAnswers.organisationId, actor.organisationId)))
      .for("update");
    if (!answer) throw new AppError("not_found");
    if (answer.status !== "offered") throw new AppError("invalid_state", { status: answer.status });
    await tx.update(needAnswers).set({ status: "withdrawn", decidedAt: now }).where(eq(needAnswers.id, answerId));
    await recordAudit(tx, {
      actorUserId: actor.userId,
      organisationId: actor.organisationId,
      action: "need.answer_withdraw",
      entityType: "need_answer",
      entityId: answerId,
      before: { status: "offered" },
      after: { status: "withdrawn" },
    });
    return { id: answerId, needId: answer.needId, status: "withdrawn" as const };
  });
}
