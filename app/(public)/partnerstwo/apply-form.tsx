"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { CheckboxField, ErrorSummary, SelectField, TextAreaField } from "@/app/_components/form-fields";
import { Field, FormMessage, SubmitButton } from "@/app/_components/form-parts";
import { initialFormState } from "@/app/_lib/form-state";
import { submitApplicationAction } from "./actions";

const kinds = [
  "association",
  "foundation",
  "public_institution",
  "parish",
  "church_charity",
  "humanitarian",
  "entrepreneur",
  "informal_group",
  "other",
] as const;

export function ApplyForm() {
  const t = useTranslations("partnership");
  const tk = useTranslations("organisationKinds");
  const [state, action] = useActionState(submitApplicationAction, initialFormState);
  if (state.status === "success") return <FormMessage state={state} />;
  const labels = {
    organisationName: t("organisationName"),
    kind: t("kind"),
    contactName: t("contactName"),
    contactEmail: t("contactEmail"),
    contactPhone: t("contactPhone"),
    website: t("website"),
    description: t("description"),
    offers: t("offers"),
    acceptAims: t("acceptAims"),
  };
  return (
    <form action={action} className="space-y-4" noValidate>
      <Field
        name="organisationName"
        label={labels.organisationName}
        required
        state={state}
        autoComplete="organization"
      />
      <SelectField
        name="kind"
        label={labels.kind}
        state={state}
        defaultValue="association"
        options={kinds.map((k) => ({ value: k, label: tk(k) }))}
      />
      <Field name="contactName" label={labels.contactName} required state={state} autoComplete="name" />
      <Field name="contactEmail" type="email" label={labels.contactEmail} required state={state} autoComplete="email" />
      <Field name="contactPhone" type="tel" label={labels.contactPhone} state={state} autoComplete="tel" />
      <Field name="website" type="url" label={labels.website} state={state} autoComplete="url" />
      <TextAreaField name="description" label={labels.description} required state={state} rows={4} />
      <TextAreaField name="offers" label={labels.offers} hint={t("offersHint")} required state={state} rows={4} />
      <CheckboxField name="acceptAims" label={labels.acceptAims} state={state} />
      <ErrorSummary state={state} labels={labels}>
        {state.fieldErrors?.form ? <p className="mt-1">{state.fieldErrors.form}</p> : null}
      </ErrorSummary>
      <SubmitButton pendingLabel={t("submitting")}>{t("submit")}</SubmitButton>
    </form>
  );
}
