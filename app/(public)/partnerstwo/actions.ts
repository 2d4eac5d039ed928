"use server";

import { getTranslations } from "next-intl/server";
import { publicAction } from "@/app/_lib/action";
import { submitApplication, submitApplicationSchema } from "@/lib/partnership/submit-application";
import { clientContext } from "../_lib/client";

export const submitApplicationAction = publicAction(submitApplicationSchema, async ({ db, input }) => {
  await submitApplication(db, input, await clientContext());
  return { status: "success", message: (await getTranslations("partnership"))("sent") };
});
