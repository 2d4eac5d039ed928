"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { AskOnce } from "@/app/_components/ask-once";
import { Field, FormMessage, SubmitButton } from "@/app/_components/form-parts";
import { CheckIcon, XIcon } from "@/app/_components/icons";
import { TextAreaField } from "@/app/_components/text-area-field";
import { initialFormState } from "@/app/_lib/form-state";
import { cancelEngagementAction, confirmHoursAction, disputeHoursAction, recordHoursAction } from "../actions";

/** The volunteer's organisation records the hours actually worked, in quarters of an hour, with an optional note. */
export function RecordHoursForm({
  engagementId,
  maxHours,
  returnTo,
  who,
}: {
  engagementId: string;
  maxHours: number;
  returnTo: string;
  who: string;
}) {
  const t = useTranslations("engagements.forms");
  const [state, action] = useActionState(recordHoursAction, initialFormState);
  return (
    <form action={action} className="space-y-2" noValidate data-testid={`record-hours-${engagementId}`}>
      <input type="hidden" name="engagementId" value={engagementId} />
      <input type="hidden" name="returnTo" value={returnTo} />
      <Field
        name="hours"
        inputMode="decimal"
        label={t("hours", { who })}
        hint={t("hoursHint", { max: String(maxHours).replace(".", ",") })}
        state={state}
        required
      />
      <TextAreaField name="note" label={t("hoursNote")} state={state} rows={2} />
      <SubmitButton pendingLabel={t("saving")}>{t("record")}</SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}

/** The receiving organisation confirms the recorded hours at once, or disputes them after saying why (asks once). */
export function DecideHoursForm({
  engagementId,
  returnTo,
  summary,
}: {
  engagementId: string;
  returnTo: string;
  summary: string;
}) {
  const t = useTranslations("engagements.forms");
  const [confirmState, confirm] = useActionState(confirmHoursAction, initialFormState);
  const [disputeState, dispute] = useActionState(disputeHoursAction, initialFormState);
  return (
    <div className="space-y-2" data-testid={`decide-hours-${engagementId}`}>
      <form action={confirm}>
        <input type="hidden" name="engagementId" value={engagementId} />
        <input type="hidden" name="returnTo" value={returnTo} />
        <SubmitButton pendingLabel={t("saving")}>
          <CheckIcon />
          {t("confirm")}
          <span className="sr-only">: {summary}</span>
        </SubmitButton>
        <FormMessage state={confirmState} />
      </form>
      <AskOnce
        triggerClassName="btn-secondary"
        trigger={
          <>
            <XIcon />
            {t("dispute")}
            <span className="sr-only">: {summary}</span>
          </>
        }
        question={t("disputeQuestion")}
      >
        {(close) => (
          <form action={dispute} className="space-y-2" noValidate>
            <input type="hidden" name="engagementId" value={engagementId} />
            <input type="hidden" name="returnTo" value={returnTo} />
            <TextAreaField
              name="note"
              label={t("disputeReason")}
              hint={t("disputeHint")}
              state={disputeState}
              required
            />
            <div className="flex flex-wrap gap-2">
              <SubmitButton pendingLabel={t("saving")} className="btn-danger">
                {t("disputeYes")}
              </SubmitButton>
              <button type="button" className="btn-secondary" onClick={close}>
                {t("no")}
              </button>
            </div>
            <FormMessage state={disputeState} />
          </form>
        )}
      </AskOnce>
    </div>
  );
}

/** Taking a volunteer off work that has not started; asks once, the other side is told (with the optional reason). */
export function CancelEngagementForm({
  engagementId,
  returnTo,
  who,
}: {
  engagementId: string;
  returnTo: string;
  who: string;
}) {
  const t = useTranslations("engagements.forms");
  const [state, action] = useActionState(cancelEngagementAction, initialFormState);
  return (
    <AskOnce
      triggerClassName="btn-secondary"
      trigger={
        <>
          <XIcon />
          {t("cancel")}
          <span className="sr-only">: {who}</span>
        </>
      }
      question={t("cancelQuestion", { who })}
    >
      {(close) => (
        <form action={action} className="space-y-2" noValidate>
          <input type="hidden" name="engagementId" value={engagementId} />
          <input type="hidden" name="returnTo" value={returnTo} />
          <TextAreaField name="note" label={t("cancelReason")} state={state} />
          <div className="flex flex-wrap gap-2">
            <SubmitButton pendingLabel={t("saving")} className="btn-danger">
              {t("cancelYes")}
            </SubmitButton>
            <button type="button" className="btn-secondary" onClick={close}>
              {t("no")}
            </button>
          </div>
          <FormMessage state={state} />
        </form>
      )}
    </AskOnce>
  );
}
