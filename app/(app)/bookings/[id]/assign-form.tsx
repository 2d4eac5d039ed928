"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { FieldError } from "@/app/_components/form-fields";
import { FormMessage, SubmitButton } from "@/app/_components/form-parts";
import { initialFormState } from "@/app/_lib/form-state";
import type { CandidateView } from "../../needs/[id]/need-forms";
import { assignVolunteersAction } from "./volunteer-actions";

/** The owner ticks members of the offer's team; those who cannot take it are shown with the reason, not ticked. */
export function AssignForm({ bookingId, team }: { bookingId: string; team: CandidateView[] }) {
  const t = useTranslations("engagements.assign");
  const [state, action] = useActionState(assignVolunteersAction, initialFormState);
  return (
    <form action={action} className="space-y-3" noValidate data-testid="assign-form">
      <input type="hidden" name="bookingId" value={bookingId} />
      <fieldset>
        <legend className="label">{t("legend")}</legend>
        <ul className="space-y-2">
          {team.map((c) => {
            const id = `volunteer-${c.id}`;
            const blocked = c.reasons.length > 0;
            return (
              <li key={c.id} className="rounded-md border border-slate-200 p-2">
                <label htmlFor={id} className="flex min-h-11 cursor-pointer items-center gap-3">
                  <input
                    id={id}
                    name={id}
                    type="checkbox"
                    disabled={blocked}
                    aria-describedby={blocked ? `${id}-why` : undefined}
                    className="h-5 w-5 shrink-0 accent-brand-700"
                  />
                  <span>
                    <span className="font-medium">{c.label}</span>
                    {c.skills ? <span className="block text-sm text-slate-700">{c.skills}</span> : null}
                  </span>
                </label>
                {blocked ? (
                  <ul id={`${id}-why`} className="ml-8 list-disc pl-4 text-sm text-red-900">
                    {c.reasons.map((r) => (
                      <li key={r}>{r}</li>
                    ))}
                  </ul>
                ) : null}
              </li>
            );
          })}
        </ul>
        <FieldError name="volunteerIds" error={state.fieldErrors?.volunteerIds} />
      </fieldset>
      <SubmitButton pendingLabel={t("assigning")}>{t("submit")}</SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}
