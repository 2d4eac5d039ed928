"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Field, FormMessage, SubmitButton } from "@/app/_components/form-parts";
import { initialFormState } from "@/app/_lib/form-state";
import { loginAction } from "./actions";

export function LoginForm({ next }: { next?: string }) {
  const t = useTranslations("login");
  const [state, action] = useActionState(loginAction, initialFormState);
  return (
    <form action={action} className="space-y-4" noValidate>
      {next ? <input type="hidden" name="next" value={next} /> : null}
      <Field name="email" type="email" label={t("email")} autoComplete="username" required state={state} />
      <Field
        name="password"
        type="password"
        label={t("password")}
        autoComplete="current-password"
        required
        state={state}
      />
      <FormMessage state={state} />
      <SubmitButton pendingLabel={t("submitting")} className="btn-primary w-full">
        {t("submit")}
      </SubmitButton>
    </form>
  );
}
