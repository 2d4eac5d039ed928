"use client";

import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { initialFormState } from "@/app/_lib/form-state";
import { switchOrganisationAction } from "@/app/(app)/actions";
import { SubmitButton } from "./form-parts";

export function OrganisationSwitcher({
  current,
  options,
}: {
  current: string;
  options: { organisationId: string; name: string }[];
}) {
  const t = useTranslations("nav");
  const [, action] = useActionState(switchOrganisationAction, initialFormState);
  // Controlled, so that the reset React applies to a form after its action cannot undo a newer choice.
  const [choice, setChoice] = useState(current);
  return (
    <form action={action} className="flex items-center gap-2">
      <label htmlFor="org-switch" className="sr-only">
        {t("switchOrganisation")}
      </label>
      <select
        id="org-switch"
        name="organisationId"
        value={choice}
        onChange={(e) => setChoice(e.target.value)}
        className="input min-h-11 max-w-64 py-1"
      >
        {options.map((o) => (
          <option key={o.organisationId} value={o.organisationId}>
            {o.name}
          </option>
        ))}
      </select>
      <SubmitButton pendingLabel={t("switching")} className="btn-secondary">
        {t("switch")}
      </SubmitButton>
    </form>
  );
}
