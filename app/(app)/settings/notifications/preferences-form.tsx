"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { CheckboxField, SelectField } from "@/app/_components/form-fields";
import { FormMessage, SubmitButton } from "@/app/_components/form-parts";
import { initialFormState } from "@/app/_lib/form-state";
import { updateEmailPreferencesAction } from "./actions";

const categories = ["requests", "decisions", "reminders", "partnership"] as const;

export function PreferencesForm({
  locale,
  enabled,
}: {
  locale: "pl" | "en";
  enabled: Record<(typeof categories)[number], boolean>;
}) {
  const t = useTranslations("emailSettings");
  const [state, action] = useActionState(updateEmailPreferencesAction, initialFormState);
  return (
    <form action={action} className="space-y-4" noValidate>
      <fieldset>
        <legend className="label">{t("legend")}</legend>
        {categories.map((c) => (
          <CheckboxField key={c} name={c} label={t(c)} state={state} defaultChecked={enabled[c]} />
        ))}
      </fieldset>
      <div className="max-w-xs">
        <SelectField
          name="locale"
          label={t("language")}
          state={state}
          defaultValue={locale}
          options={[
            { value: "pl", label: "Polski" },
            { value: "en", label: "English" },
          ]}
        />
      </div>
      <FormMessage state={state} />
      <SubmitButton pendingLabel={t("saving")}>{t("save")}</SubmitButton>
    </form>
  );
}
