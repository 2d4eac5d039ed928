"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Field, FormMessage, SubmitButton } from "@/app/_components/form-parts";
import { initialFormState } from "@/app/_lib/form-state";
import { updateProfileAction } from "../actions";

type Profile = {
  name: string;
  description: string;
  contactEmail: string;
  contactPhone: string;
  website: string;
  address: string;
};

export function ProfileForm({ initial, editable }: { initial: Profile; editable: boolean }) {
  const t = useTranslations("profile");
  const [state, action] = useActionState(updateProfileAction, initialFormState);
  const descriptionError = state.fieldErrors?.description;
  return (
    <form action={action} className="space-y-4" noValidate>
      <fieldset disabled={!editable} className="space-y-4">
        <legend className="sr-only">{t("title")}</legend>
        <Field name="name" label={t("name")} defaultValue={initial.name} required state={state} />
        <div>
          <label htmlFor="field-description" className="label">
            {t("description")}
          </label>
          <textarea
            id="field-description"
            name="description"
            rows={5}
            className="input"
            defaultValue={state.values?.description ?? initial.description}
            aria-invalid={descriptionError ? true : undefined}
            aria-describedby={descriptionError ? "field-description-error" : undefined}
          />
          {descriptionError ? (
            <p id="field-description-error" className="mt-1 text-sm font-medium text-red-800">
              {descriptionError}
            </p>
          ) : null}
        </div>
        <Field
          name="contactEmail"
          type="email"
          label={t("contactEmail")}
          defaultValue={initial.contactEmail}
          state={state}
        />
        <Field
          name="contactPhone"
          type="tel"
          label={t("contactPhone")}
          defaultValue={initial.contactPhone}
          state={state}
        />
        <Field
          name="website"
          type="url"
          label={t("website")}
          defaultValue={initial.website}
          state={state}
          hint={t("websiteHint")}
        />
        <Field name="address" label={t("address")} defaultValue={initial.address} state={state} />
      </fieldset>
      <FormMessage state={state} />
      {editable ? <SubmitButton pendingLabel={t("saving")}>{t("save")}</SubmitButton> : null}
    </form>
  );
}
