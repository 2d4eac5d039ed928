"use server";

import { redirect } from "next/navigation";
import { authedAction } from "@/app/_lib/action";
import {
  acceptApplication,
  acceptApplicationSchema,
  rejectApplication,
  rejectApplicationSchema,
} from "@/lib/partnership/applications";

// The decided application leaves the list (and its form with it), so the page itself confirms the decision.
export const acceptApplicationAction = authedAction(acceptApplicationSchema, async ({ db, actor, input }) => {
  await acceptApplication(db, actor, input);
  redirect(`/coordinator/applications?done=accepted&application=${input.applicationId}`);
});

export const rejectApplicationAction = authedAction(rejectApplicationSchema, async ({ db, actor, input }) => {
  await rejectApplication(db, actor, input);
  redirect(`/coordinator/applications?done=rejected&application=${input.applicationId}`);
});
