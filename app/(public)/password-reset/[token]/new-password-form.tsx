"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Field, FormMessage, SubmitButton } from "@/app/_components/form-parts";
import { initialFormState } from "@/app/_lib/form-state";
import { resetPasswordAction } from "../actions";

export function NewPasswordForm({ token }: { token: string }) {
  const t = useTranslations("passwordReset");
  const [state, action] = useActionState(resetPasswordAction, initialFormState);
  const linkProblem = state.fieldErrors?.form;
  return (
    <form action={action} className="space-y-4" noValidate>
      <input type="hidden" name="token" value={token} />
      <Field
        name="password"
        type="password"
        label={t("newPassword")}
        hint={t("newHint")}
        autoComplete="new-password"
        required
        state={state}
      />
      <FormMessage state={linkProblem ? { ...state, message: linkProblem } : state} />
      <SubmitButton pendingLabel={t("saving")}>{t("save")}</SubmitButton>
    </form>
  );
}
