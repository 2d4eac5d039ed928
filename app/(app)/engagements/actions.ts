"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { authedAction } from "@/app/_lib/action";
import { cancelEngagement, cancelEngagementSchema } from "@/lib/engagements/cancel-engagement";
import { confirmHours, decideHoursSchema, disputeHours } from "@/lib/engagements/decide-hours";
import { recordHours, recordHoursSchema } from "@/lib/engagements/record-hours";

/** Where the form was sent from, to come back to it: this app's engagement, need or booking pages only. */
const returnTo = z
  .string("invalid")
  .regex(/^\/(engagements|needs\/[0-9a-f-]{36}|bookings\/[0-9a-f-]{36})$/, "invalid")
  .default("/engagements");

const back = (path: string, done: string) => {
  revalidatePath("/", "layout");
  redirect(`${path}?done=${done}`);
};

export const recordHoursAction = authedAction(recordHoursSchema.extend({ returnTo }), async ({ db, actor, input }) => {
  await recordHours(db, actor, input);
  back(input.returnTo, "hours_recorded");
});

export const confirmHoursAction = authedAction(decideHoursSchema.extend({ returnTo }), async ({ db, actor, input }) => {
  await confirmHours(db, actor, input);
  back(input.returnTo, "hours_confirmed");
});

export const disputeHoursAction = authedAction(decideHoursSchema.extend({ returnTo }), async ({ db, actor, input }) => {
  await disputeHours(db, actor, input);
  back(input.returnTo, "hours_disputed");
});

export const cancelEngagementAction = authedAction(
  cancelEngagementSchema.extend({ returnTo }),
  async ({ db, actor, input }) => {
    await cancelEngagement(db, actor, input);
    back(input.returnTo, "engagement_cancelled");
  },
);
