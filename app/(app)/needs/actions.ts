"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { authedAction } from "@/app/_lib/action";
import { answerNeed, withdrawAnswer } from "@/lib/needs/answer-need";
import { cancelNeed, cancelNeedSchema } from "@/lib/needs/cancel-need";
import { acceptAnswer, decideAnswerSchema, declineAnswer } from "@/lib/needs/decide-answer";
import { postNeed, postNeedSchema } from "@/lib/needs/post-need";
import { optionalText } from "@/lib/validation";
import { pickedVolunteers } from "./_lib/picked-volunteers";
import { explainVolunteerErrors } from "./_lib/volunteer-errors";

const needId = z.uuid("not_found");

export const postNeedAction = authedAction(postNeedSchema, async ({ db, actor, input }) => {
  const { id, notified } = await postNeed(db, actor, input);
  revalidatePath("/needs");
  redirect(`/needs/${id}?done=posted&notified=${notified.length}`);
});

const answerSchema = pickedVolunteers({ needId, note: optionalText(1000) });

export const answerNeedAction = authedAction(answerSchema, async ({ db, actor, input }) => {
  const failed = await explainVolunteerErrors(async () => {
    await answerNeed(db, actor, { needId: input.needId, volunteerIds: input.volunteerIds, note: input.note });
  });
  if (failed) return failed;
  revalidatePath(`/needs/${input.needId}`);
  redirect(`/needs/${input.needId}?done=answered`);
});

const decisionSchema = decideAnswerSchema.extend({ needId });

export const acceptAnswerAction = authedAction(decisionSchema, async ({ db, actor, input }) => {
  const failed = await explainVolunteerErrors(async () => {
    await acceptAnswer(db, actor, { answerId: input.answerId, note: input.note });
  });
  if (failed) return failed;
  revalidatePath("/needs");
  redirect(`/needs/${input.needId}?done=accepted`);
});

export const declineAnswerAction = authedAction(decisionSchema, async ({ db, actor, input }) => {
  await declineAnswer(db, actor, { answerId: input.answerId, note: input.note });
  revalidatePath(`/needs/${input.needId}`);
  redirect(`/needs/${input.needId}?done=declined`);
});

export const withdrawAnswerAction = authedAction(
  z.object({ answerId: z.uuid("not_found"), needId }),
  async ({ db, actor, input }) => {
    await withdrawAnswer(db, actor, { answerId: input.answerId });
    revalidatePath(`/needs/${input.needId}`);
    redirect(`/needs/${input.needId}?done=withdrawn`);
  },
);

export const cancelNeedAction = authedAction(cancelNeedSchema, async ({ db, actor, input }) => {
  await cancelNeed(db, actor, input);
  revalidatePath("/needs");
  redirect(`/needs/${input.needId}?done=cancelled`);
});
