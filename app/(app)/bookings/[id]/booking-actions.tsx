"use client";

import { useTranslations } from "next-intl";
import { useActionState, useEffect, useRef, useState } from "react";
import { AskOnce } from "@/app/_components/ask-once";
import { ActionButton, FormMessage, SubmitButton } from "@/app/_components/form-parts";
import { CheckIcon, XIcon } from "@/app/_components/icons";
import { TextAreaField } from "@/app/_components/text-area-field";
import { type FormState, initialFormState } from "@/app/_lib/form-state";
import {
  approveBookingAction,
  cancelBookingAction,
  cancelSeriesAction,
  declineBookingAction,
  recordHandoverAction,
} from "../actions";

/** The owner's answer to a pending request: one optional message, approve at once or decline after asking once. */
export function DecisionForm({ bookingId, requesterName }: { bookingId: string; requesterName: string }) {
  const t = useTranslations("decisions");
  const [approveState, approve] = useActionState(approveBookingAction, initialFormState);
  const [declineState, decline] = useActionState(declineBookingAction, initialFormState);
  const [last, setLast] = useState<"approve" | "decline">("approve");
  const [confirming, setConfirming] = useState(false);
  const state: FormState = last === "approve" ? approveState : declineState;
  // Asking moves the focus to the question; "no" gives it back to the decline button.
  const asked = useRef(false);
  const questionRef = useRef<HTMLDivElement>(null);
  const declineRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (confirming) questionRef.current?.focus();
    else if (asked.current) declineRef.current?.focus();
    asked.current = confirming;
  }, [confirming]);
  return (
    <form className="space-y-3" noValidate>
      <input type="hidden" name="bookingId" value={bookingId} />
      <input type="hidden" name="returnTo" value="booking" />
      <fieldset className="space-y-3">
        <legend className="text-lg font-semibold">{t("legend")}</legend>
        <TextAreaField
          name="note"
          label={t("noteLabel", { organisation: requesterName })}
          hint={t("noteHint")}
          state={state}
        />
        {confirming ? (
          <div
            ref={questionRef}
            tabIndex={-1}
            role="group"
            aria-labelledby="decline-question"
            className="rounded-md border border-red-300 bg-red-50 p-3 text-red-950"
          >
            <p id="decline-question" className="mb-2 font-medium">
              {t("confirmDeclineDetail", { organisation: requesterName })}
            </p>
            <div className="flex flex-wrap gap-2">
              <ActionButton
                formAction={decline}
                className="btn-danger"
                pendingLabel={t("declining")}
                onClick={() => setLast("decline")}
              >
                {t("confirmDeclineYes")}
              </ActionButton>
              <button type="button" className="btn-secondary" onClick={() => setConfirming(false)}>
                {t("confirmNo")}
              </button>
            </div>
          </div>
        ) : (
          <div className="flex flex-wrap gap-2">
            <ActionButton
              formAction={approve}
              className="btn-primary"
              pendingLabel={t("approving")}
              onClick={() => setLast("approve")}
            >
              <CheckIcon />
              {t("approve")}
            </ActionButton>
            <button ref={declineRef} type="button" className="btn-danger" onClick={() => setConfirming(true)}>
              <XIcon />
              {t("decline")}
            </button>
          </div>
        )}
      </fieldset>
      <FormMessage state={state} />
    </form>
  );
}

/**
 * Cancelling asks once. The requester may say why; the owner must (the requester is told), so the reason is
 * required and a missing one comes back from the server as the field's error.
 */
export function CancelForm({
  bookingId,
  asOwner,
  counterpart,
}: {
  bookingId: string;
  asOwner: boolean;
  counterpart: string;
}) {
  const t = useTranslations("bookingDetail");
  const [state, action] = useActionState(cancelBookingAction, initialFormState);
  return (
    <AskOnce
      trigger={
        <>
          <XIcon />
          {t("cancel")}
        </>
      }
      question={asOwner ? t("confirmCancelOwner", { organisation: counterpart }) : t("confirmCancel")}
    >
      {(close) => (
        <form action={action} className="space-y-3" noValidate>
          <input type="hidden" name="bookingId" value={bookingId} />
          <TextAreaField
            name="note"
            label={asOwner ? t("cancelReasonRequired") : t("cancelReasonOptional")}
            hint={asOwner ? t("cancelReasonOwnerHint", { organisation: counterpart }) : undefined}
            required={asOwner}
            state={state}
          />
          <div className="flex flex-wrap gap-2">
            <SubmitButton pendingLabel={t("cancelling")} className="btn-danger">
              {t("confirmCancelYes")}
            </SubmitButton>
            <button type="button" className="btn-secondary" onClick={close}>
              {t("confirmNo")}
            </button>
          </div>
          <FormMessage state={state} />
        </form>
      )}
    </AskOnce>
  );
}

/** Lent equipment: first "handed over", then "returned" with a note on its condition. */
export function HandoverForm({ bookingId, step }: { bookingId: string; step: "handed_over" | "returned" }) {
  const t = useTranslations("bookingDetail");
  const [state, action] = useActionState(recordHandoverAction, initialFormState);
  return (
    <form action={action} className="space-y-3" noValidate>
      <input type="hidden" name="bookingId" value={bookingId} />
      <input type="hidden" name="step" value={step} />
      {step === "returned" ? (
        <TextAreaField name="note" label={t("conditionLabel")} hint={t("conditionHint")} state={state} />
      ) : (
        <p className="text-slate-700">{t("handOverHint")}</p>
      )}
      <SubmitButton pendingLabel={t("saving")} className="btn-primary">
        <CheckIcon />
        {step === "returned" ? t("markReturned") : t("markHandedOver")}
      </SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}

/** A recurring series: this and every later occurrence, or every future one; asks once, with an optional reason. */
export function SeriesCancel({
  bookingId,
  seriesId,
  fromHere,
  allFuture,
}: {
  bookingId: string;
  seriesId: string;
  fromHere: number;
  allFuture: number;
}) {
  const t = useTranslations("bookingDetail");
  const [state, action] = useActionState(cancelSeriesAction, initialFormState);
  const form = (fromThis: boolean, close: () => void) => (
    <form action={action} className="space-y-3" noValidate>
      <input type="hidden" name="bookingId" value={bookingId} />
      <input type="hidden" name="seriesId" value={seriesId} />
      {fromThis ? <input type="hidden" name="fromBookingId" value={bookingId} /> : null}
      <TextAreaField name="note" label={t("cancelReasonOptional")} state={state} />
      <div className="flex flex-wrap gap-2">
        <SubmitButton pendingLabel={t("cancelling")} className="btn-danger">
          {t("confirmSeriesYes", { count: fromThis ? fromHere : allFuture })}
        </SubmitButton>
        <button type="button" className="btn-secondary" onClick={close}>
          {t("confirmNo")}
        </button>
      </div>
      <FormMessage state={state} />
    </form>
  );
  return (
    <div className="flex flex-col items-start gap-2">
      {fromHere > 0 ? (
        <AskOnce
          trigger={t("cancelFromHere", { count: fromHere })}
          question={t("confirmFromHere", { count: fromHere })}
        >
          {(close) => form(true, close)}
        </AskOnce>
      ) : null}
      {allFuture > 0 ? (
        <AskOnce trigger={t("cancelSeries", { count: allFuture })} question={t("confirmSeries", { count: allFuture })}>
          {(close) => form(false, close)}
        </AskOnce>
      ) : null}
    </div>
  );
}
