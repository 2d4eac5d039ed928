"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { CheckboxField, TextAreaField } from "@/app/_components/form-fields";
import { FormMessage, SubmitButton } from "@/app/_components/form-parts";
import { initialFormState } from "@/app/_lib/form-state";
import { leavePartnershipAction } from "./actions";

export function LeaveForm() {
  const t = useTranslations("partnershipSettings");
  const [state, action] = useActionState(leavePartnershipAction, initialFormState);
  return (
    <form action={action} className="space-y-4" noValidate>
      <TextAreaField name="reason" label={t("reason")} state={state} />
      <CheckboxField name="confirm" label={t("confirm")} state={state} />
      <FormMessage state={state} />
      <SubmitButton pendingLabel={t("leaving")} className="btn-danger">
        {t("leave")}
      </SubmitButton>
    </form>
  );
}
