"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Field, FormMessage, SubmitButton } from "@/app/_components/form-parts";
import { initialFormState } from "@/app/_lib/form-state";
import { acceptInvitationAction } from "./actions";

export function AcceptForm({ token, accountExists }: { token: string; accountExists: boolean }) {
  const t = useTranslations("invitation");
  const [state, action] = useActionState(acceptInvitationAction, initialFormState);
  return (
    <form action={action} className="space-y-4" noValidate>
      <input type="hidden" name="token" value={token} />
      {accountExists ? (
        <p>{t("existingAccount")}</p>
      ) : (
        <Field name="name" label={t("name")} autoComplete="name" required state={state} />
      )}
      <Field
        name="password"
        type="password"
        label={accountExists ? t("currentPassword") : t("newPassword")}
        hint={accountExists ? undefined : t("passwordHint")}
        autoComplete={accountExists ? "current-password" : "new-password"}
        required
        state={state}
      />
      <FormMessage state={state} />
      <SubmitButton pendingLabel={t("joining")}>{t("join")}</SubmitButton>
    </form>
  );
}
