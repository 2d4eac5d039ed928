"use server";

import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { publicAction } from "@/app/_lib/action";
import { signIn } from "@/lib/auth/auth";
import {
  requestPasswordReset,
  requestPasswordResetSchema,
  resetPassword,
  resetPasswordSchema,
} from "@/lib/auth/password-reset";
import { clientContext } from "../_lib/client";

/** Always the same answer, whether the address has an account or not. */
export const requestPasswordResetAction = publicAction(requestPasswordResetSchema, async ({ db, input }) => {
  await requestPasswordReset(db, input, await clientContext());
  return { status: "success", message: (await getTranslations("passwordReset"))("sent") };
});

/** Sets the new password, then signs the person in with it. */
export const resetPasswordAction = publicAction(resetPasswordSchema, async ({ db, input }) => {
  const { email } = await resetPassword(db, input);
  await signIn("credentials", { email, password: input.password, redirect: false });
  redirect("/dashboard");
});
