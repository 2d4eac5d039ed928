"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { describedBy, ErrorSummary, FieldError, FieldHint, useStateVersion } from "@/app/_components/form-fields";
import { Field, FormMessage, SubmitButton } from "@/app/_components/form-parts";
import { initialFormState } from "@/app/_lib/form-state";
import { addRateCardAction } from "../actions";

export interface ScopeGroup {
  label: string;
  options: { value: string; label: string }[];
}

/** The coordinator's form for a new rate: what it values, how much, from when, and on what basis. */
export function RateForm({ groups, today }: { groups: ScopeGroup[]; today: string }) {
  const t = useTranslations("rateCards");
  const [state, action] = useActionState(addRateCardAction, initialFormState);
  const version = useStateVersion(state);
  const scope = describedBy("scope", state, t("scopeHint"));
  const failed = state.status === "error" ? state : initialFormState;
  return (
    <form
      key={state.status === "success" ? `done-${version}` : "form"}
      action={action}
      className="grid gap-4 md:grid-cols-2"
      noValidate
    >
      <div className="md:col-span-2">
        <label htmlFor={scope.id} className="label">
          {t("scope")}
        </label>
        <FieldHint name="scope">{t("scopeHint")}</FieldHint>
        <select
          key={version}
          id={scope.id}
          name="scope"
          className="input"
          required
          defaultValue={failed.values?.scope ?? ""}
          aria-invalid={scope["aria-invalid"]}
          aria-describedby={scope["aria-describedby"]}
        >
          <option value="">{t("scopeChoose")}</option>
          {groups.map((g) => (
            <optgroup key={g.label} label={g.label}>
              {g.options.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
        <FieldError name="scope" error={scope.error} />
      </div>
      <Field
        name="amount"
        label={t("amount")}
        hint={t("amountHint")}
        inputMode="decimal"
        autoComplete="off"
        required
        state={failed}
      />
      <Field
        name="validFrom"
        label={t("validFrom")}
        hint={t("validFromHint")}
        type="date"
        required
        defaultValue={today}
        state={failed}
      />
      <div className="md:col-span-2">
        <Field name="source" label={t("source")} hint={t("sourceHint")} maxLength={300} required state={failed} />
      </div>
      <div className="md:col-span-2">
        <SubmitButton pendingLabel={t("adding")}>{t("add")}</SubmitButton>
        <ErrorSummary
          state={state}
          labels={{ scope: t("scope"), amount: t("amount"), validFrom: t("validFrom"), source: t("source") }}
        />
        {state.status === "success" ? <FormMessage state={state} /> : null}
      </div>
    </form>
  );
}
