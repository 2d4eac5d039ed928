"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Field, FormMessage, SubmitButton } from "@/app/_components/form-parts";
import { initialFormState } from "@/app/_lib/form-state";
import { requestPasswordResetAction } from "./actions";

export function RequestResetForm() {
  const t = useTranslations("passwordReset");
  const [state, action] = useActionState(requestPasswordResetAction, initialFormState);
  return (
    <form action={action} className="space-y-4" noValidate>
      <Field name="email" type="email" label={t("email")} autoComplete="username" required state={state} />
      <FormMessage state={state} />
      <SubmitButton pendingLabel={t("submitting")} className="btn-primary w-full">
        {t("submit")}
      </SubmitButton>
    </form>
  );
}
