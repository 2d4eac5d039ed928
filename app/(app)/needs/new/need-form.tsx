"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { CheckboxField, ErrorSummary, TextAreaField } from "@/app/_components/form-fields";
import { Field, SubmitButton } from "@/app/_components/form-parts";
import { initialFormState } from "@/app/_lib/form-state";
import { postNeedAction } from "../actions";

/** Posting a need: what, when (a local day and times), where, how many people, which skills, the children check. */
export function NeedForm({ today, knownSkills }: { today: string; knownSkills: string[] }) {
  const t = useTranslations("needs.form");
  const [state, action] = useActionState(postNeedAction, initialFormState);
  const labels = {
    title: t("title"),
    description: t("description"),
    location: t("location"),
    date: t("date"),
    from: t("from"),
    to: t("to"),
    volunteersNeeded: t("volunteersNeeded"),
    skills: t("skills"),
    certifiedSkills: t("certifiedSkills"),
  };
  return (
    <form action={action} className="card max-w-3xl space-y-4" noValidate>
      <ErrorSummary state={state} labels={labels} />
      <Field name="title" label={labels.title} hint={t("titleHint")} state={state} required maxLength={200} />
      <TextAreaField name="description" label={labels.description} hint={t("descriptionHint")} state={state} />
      <Field name="location" label={labels.location} state={state} maxLength={300} />
      <fieldset className="space-y-3">
        <legend className="label">{t("when")}</legend>
        <p className="text-sm text-slate-700">{t("whenHint")}</p>
        <div className="grid gap-3 sm:grid-cols-3">
          <Field name="date" type="date" label={labels.date} defaultValue={today} state={state} required />
          <Field name="from" type="time" label={labels.from} defaultValue="10:00" state={state} required />
          <Field name="to" type="time" label={labels.to} defaultValue="12:00" state={state} required />
        </div>
      </fieldset>
      <Field
        name="volunteersNeeded"
        type="number"
        inputMode="numeric"
        min={1}
        max={100}
        label={labels.volunteersNeeded}
        defaultValue="1"
        state={state}
      />
      <Field
        name="skills"
        label={labels.skills}
        hint={knownSkills.length ? t("skillsHintKnown", { skills: knownSkills.join(", ") }) : t("skillsHint")}
        state={state}
        required
      />
      <Field name="certifiedSkills" label={labels.certifiedSkills} hint={t("certifiedSkillsHint")} state={state} />
      <CheckboxField
        name="childrenCheckRequired"
        label={t("childrenCheckRequired")}
        hint={t("childrenCheckHint")}
        state={state}
      />
      <SubmitButton pendingLabel={t("posting")}>{t("submit")}</SubmitButton>
    </form>
  );
}
