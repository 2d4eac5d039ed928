"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { authedAction } from "@/app/_lib/action";
import {
  reinstatePartner,
  reinstatePartnerSchema,
  suspendPartner,
  suspendPartnerSchema,
} from "@/lib/partnership/partner-status";

export const suspendPartnerAction = authedAction(suspendPartnerSchema, async ({ db, actor, input }) => {
  const { cancelled } = await suspendPartner(db, actor, input);
  revalidatePath("/coordinator/partners");
  return { status: "success", message: (await getTranslations("coordinator"))("suspended", { count: cancelled }) };
});

export const reinstatePartnerAction = authedAction(reinstatePartnerSchema, async ({ db, actor, input }) => {
  await reinstatePartner(db, actor, input);
  revalidatePath("/coordinator/partners");
  return { status: "success", message: (await getTranslations("coordinator"))("reinstated") };
});
