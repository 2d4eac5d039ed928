"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { initialFormState } from "@/app/_lib/form-state";
import { signOutAction } from "@/app/(app)/actions";
import { SubmitButton } from "./form-parts";

export function SignOutButton() {
  const t = useTranslations("nav");
  const [, action] = useActionState(signOutAction, initialFormState);
  return (
    <form action={action}>
      <SubmitButton pendingLabel={t("signingOut")} className="btn-secondary">
        {t("signOut")}
      </SubmitButton>
    </form>
  );
}
