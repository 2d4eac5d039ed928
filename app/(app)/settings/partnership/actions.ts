"use server";

import { redirect } from "next/navigation";
import { authedAction } from "@/app/_lib/action";
import { leavePartnership, leavePartnershipSchema } from "@/lib/partnership/partner-status";

export const leavePartnershipAction = authedAction(leavePartnershipSchema, async ({ db, actor, input }) => {
  await leavePartnership(db, actor, input);
  // The organisation is no longer active: its people (this one included, if it has no other) are out.
  redirect("/partnerstwo");
});
