"use client";

import { useTranslations } from "next-intl";
import { useActionState, useEffect, useRef } from "react";
import { ErrorSummary } from "@/app/_components/form-fields";
import { Field, FormMessage, SubmitButton } from "@/app/_components/form-parts";
import { initialFormState } from "@/app/_lib/form-state";
import { addQualificationAction, removeQualificationAction } from "../../actions";

/** Adds a qualification: the skill it certifies (from the shared list or new), the document's name, its expiry. */
export function AddQualificationForm({ volunteerId, vocabulary }: { volunteerId: string; vocabulary: string[] }) {
  const t = useTranslations("volunteers.page");
  const [state, action] = useActionState(addQualificationAction, initialFormState);
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state.status === "success") form.current?.reset();
  }, [state]);
  const labels = {
    skill: t("qualificationSkill"),
    name: t("qualificationName"),
    validUntil: t("qualificationValidUntil"),
  };
  return (
    <form ref={form} action={action} className="space-y-3" noValidate>
      <input type="hidden" name="volunteerId" value={volunteerId} />
      <div className="grid gap-3 sm:grid-cols-3">
        <Field name="skill" label={labels.skill} state={state} list="skill-vocabulary" required autoComplete="off" />
        <Field name="name" label={labels.name} state={state} required autoComplete="off" />
        <Field
          name="validUntil"
          type="date"
          label={labels.validUntil}
          hint={t("qualificationValidUntilHint")}
          state={state}
        />
      </div>
      <datalist id="skill-vocabulary">
        {vocabulary.map((s) => (
          <option key={s} value={s} />
        ))}
      </datalist>
      {state.status === "error" ? <ErrorSummary state={state} labels={labels} /> : <FormMessage state={state} />}
      <SubmitButton pendingLabel={t("adding")} className="btn-secondary">
        {t("addQualification")}
      </SubmitButton>
    </form>
  );
}

export function RemoveQualification({
  volunteerId,
  qualificationId,
  name,
}: {
  volunteerId: string;
  qualificationId: string;
  name: string;
}) {
  const t = useTranslations("volunteers.page");
  const [state, action] = useActionState(removeQualificationAction, initialFormState);
  return (
    <form action={action}>
      <input type="hidden" name="volunteerId" value={volunteerId} />
      <input type="hidden" name="qualificationId" value={qualificationId} />
      <SubmitButton pendingLabel={t("removing")} className="btn-secondary">
        <span aria-hidden="true">{t("remove")}</span>
        <span className="sr-only">{t("removeFor", { name })}</span>
      </SubmitButton>
      {state.status === "error" ? <FormMessage state={state} /> : null}
    </form>
  );
}
