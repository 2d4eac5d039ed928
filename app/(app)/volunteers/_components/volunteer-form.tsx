"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { ErrorSummary, TextAreaField } from "@/app/_components/form-fields";
import { Field, SubmitButton } from "@/app/_components/form-parts";
import { initialFormState } from "@/app/_lib/form-state";
import { createVolunteerAction, updateVolunteerAction } from "../actions";

export interface VolunteerFormValues {
  firstName: string;
  lastName: string;
  email: string;
  phone: string;
  notes: string;
  skills: string;
  childrenCheckOn: string;
  consentOn: string;
  consentScope: string;
}

/**
 * Adds a volunteer (no `volunteerId`) or edits one. A failed save keeps what was typed and names the wrong fields;
 * a successful one goes to the volunteer's page.
 */
export function VolunteerForm({
  volunteerId,
  initial,
  vocabulary,
  cancelHref,
  today,
}: {
  volunteerId?: string;
  initial?: VolunteerFormValues;
  vocabulary: string[];
  cancelHref: string;
  today: string;
}) {
  const t = useTranslations("volunteers.form");
  const [state, action] = useActionState(volunteerId ? updateVolunteerAction : createVolunteerAction, initialFormState);
  const labels = {
    firstName: t("firstName"),
    lastName: t("lastName"),
    email: t("email"),
    phone: t("phone"),
    notes: t("notes"),
    skills: t("skills"),
    childrenCheckOn: t("childrenCheckOn"),
    consentOn: t("consentOn"),
    consentScope: t("consentScope"),
  };
  return (
    <form action={action} className="space-y-6" noValidate>
      {volunteerId ? <input type="hidden" name="volunteerId" value={volunteerId} /> : null}
      <ErrorSummary state={state} labels={labels} />
      <fieldset className="card space-y-4">
        <legend className="px-1 text-xl font-semibold">{t("personTitle")}</legend>
        <div className="grid gap-4 sm:grid-cols-2">
          <Field
            name="firstName"
            label={labels.firstName}
            state={state}
            defaultValue={initial?.firstName}
            required
            autoComplete="off"
          />
          <Field
            name="lastName"
            label={labels.lastName}
            state={state}
            defaultValue={initial?.lastName}
            autoComplete="off"
          />
          <Field
            name="email"
            type="email"
            label={labels.email}
            state={state}
            defaultValue={initial?.email}
            autoComplete="off"
          />
          <Field
            name="phone"
            type="tel"
            label={labels.phone}
            state={state}
            defaultValue={initial?.phone}
            autoComplete="off"
          />
        </div>
        <Field
          name="skills"
          label={labels.skills}
          state={state}
          defaultValue={initial?.skills}
          hint={t("skillsHint", { list: vocabulary.join(", ") || "–" })}
          autoComplete="off"
        />
        <TextAreaField
          name="notes"
          label={labels.notes}
          state={state}
          defaultValue={initial?.notes}
          hint={t("notesHint")}
        />
      </fieldset>
      <fieldset className="card space-y-4">
        <legend className="px-1 text-xl font-semibold">{t("checkTitle")}</legend>
        <Field
          name="childrenCheckOn"
          type="date"
          max={today}
          label={labels.childrenCheckOn}
          state={state}
          defaultValue={initial?.childrenCheckOn}
          hint={t("childrenCheckHint")}
        />
      </fieldset>
      <fieldset className="card space-y-4">
        <legend className="px-1 text-xl font-semibold">{t("consentTitle")}</legend>
        <p className="text-slate-700">{t("consentHint")}</p>
        <Field
          name="consentOn"
          type="date"
          max={today}
          label={labels.consentOn}
          state={state}
          defaultValue={initial?.consentOn}
        />
        <TextAreaField
          name="consentScope"
          label={labels.consentScope}
          state={state}
          defaultValue={initial?.consentScope}
          hint={t("consentScopeHint")}
          rows={2}
        />
      </fieldset>
      <div className="flex flex-wrap gap-3">
        <SubmitButton pendingLabel={volunteerId ? t("saving") : t("creating")}>
          {volunteerId ? t("save") : t("create")}
        </SubmitButton>
        <Link href={cancelHref} className="btn-secondary">
          {t("cancel")}
        </Link>
      </div>
    </form>
  );
}
