"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { authedAction } from "@/app/_lib/action";
import { updateEmailPreferences, updateEmailPreferencesSchema } from "@/lib/notifications/email-preferences";

export const updateEmailPreferencesAction = authedAction(updateEmailPreferencesSchema, async ({ db, actor, input }) => {
  await updateEmailPreferences(db, actor, input);
  revalidatePath("/settings/notifications");
  const on = (v: boolean) => (v ? "on" : "");
  return {
    status: "success",
    message: (await getTranslations("emailSettings"))("saved"),
    // What was saved, so the form shows it after React resets it.
    values: {
      locale: input.locale,
      requests: on(input.requests),
      decisions: on(input.decisions),
      reminders: on(input.reminders),
      partnership: on(input.partnership),
    },
  };
});
