"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { FormMessage, SubmitButton } from "@/app/_components/form-parts";
import { initialFormState } from "@/app/_lib/form-state";
import { markSpecialistAction } from "../actions";

/** Marks one expertise resource as specialist work (or back to simple work). */
export function SpecialistToggle({
  resourceId,
  name,
  specialist,
}: {
  resourceId: string;
  name: string;
  specialist: boolean;
}) {
  const t = useTranslations("rateCards");
  const [state, action] = useActionState(markSpecialistAction, initialFormState);
  const id = `specialist-${resourceId}`;
  return (
    <form action={action} className="flex flex-wrap items-center gap-3">
      <input type="hidden" name="resourceId" value={resourceId} />
      <label htmlFor={id} className="flex min-h-11 cursor-pointer items-center gap-3">
        <input
          id={id}
          name="specialist"
          type="checkbox"
          defaultChecked={specialist}
          className="h-5 w-5 accent-brand-700"
        />
        <span>{t("specialistFor", { name })}</span>
      </label>
      <SubmitButton pendingLabel={t("saving")} className="btn-secondary">
        {t("save")}
        <span className="sr-only"> – {name}</span>
      </SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}
