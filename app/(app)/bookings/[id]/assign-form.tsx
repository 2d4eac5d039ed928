"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { FormMessage, SubmitButton } from "@/app/_components/form-parts";
import { type CandidateView, VolunteerChecklist } from "@/app/_components/volunteer-checklist";
import { initialFormState } from "@/app/_lib/form-state";
import { assignVolunteersAction } from "./volunteer-actions";

/** The owner ticks members of the offer's team; those who cannot take it are shown with the reason, not ticked. */
export function AssignForm({ bookingId, team }: { bookingId: string; team: CandidateView[] }) {
  const t = useTranslations("engagements.assign");
  const [state, action] = useActionState(assignVolunteersAction, initialFormState);
  return (
    <form action={action} className="space-y-3" noValidate data-testid="assign-form">
      <input type="hidden" name="bookingId" value={bookingId} />
      <VolunteerChecklist legend={t("legend")} candidates={team} error={state.fieldErrors?.volunteerIds} />
      <SubmitButton pendingLabel={t("assigning")}>{t("submit")}</SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}
