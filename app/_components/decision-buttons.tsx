"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { initialFormState } from "@/app/_lib/form-state";
import { approveBookingAction, declineBookingAction } from "@/app/(app)/bookings/actions";
import { AskOnce } from "./ask-once";
import { FormMessage, SubmitButton } from "./form-parts";
import { CheckIcon, XIcon } from "./icons";
import { TextAreaField } from "./text-area-field";

/**
 * Approve in one press, decline after asking once (with an optional message), or open the details. `summary` names
 * the request for screen readers, since every row has the same buttons.
 */
export function DecisionButtons({ bookingId, summary }: { bookingId: string; summary: string }) {
  const t = useTranslations("decisions");
  const [approveState, approve] = useActionState(approveBookingAction, initialFormState);
  const [declineState, decline] = useActionState(declineBookingAction, initialFormState);
  return (
    <div className="mt-2 flex flex-col gap-2">
      <div className="flex flex-wrap items-start gap-2">
        <form action={approve}>
          <input type="hidden" name="bookingId" value={bookingId} />
          <input type="hidden" name="returnTo" value="dashboard" />
          <SubmitButton pendingLabel={t("approving")}>
            <CheckIcon />
            <span aria-hidden="true">{t("approve")}</span>
            <span className="sr-only">{t("approveFor", { summary })}</span>
          </SubmitButton>
        </form>
        <AskOnce
          trigger={
            <>
              <XIcon />
              <span aria-hidden="true">{t("decline")}</span>
              <span className="sr-only">{t("declineFor", { summary })}</span>
            </>
          }
          question={t("confirmDecline", { summary })}
        >
          {(close) => (
            <form action={decline} className="space-y-3" noValidate>
              <input type="hidden" name="bookingId" value={bookingId} />
              <input type="hidden" name="returnTo" value="dashboard" />
              <TextAreaField name="note" label={t("declineNote")} hint={t("declineNoteHint")} state={declineState} />
              <div className="flex flex-wrap gap-2">
                <SubmitButton pendingLabel={t("declining")} className="btn-danger">
                  {t("confirmDeclineYes")}
                </SubmitButton>
                <button type="button" className="btn-secondary" onClick={close}>
                  {t("confirmNo")}
                </button>
              </div>
              <FormMessage state={declineState} />
            </form>
          )}
        </AskOnce>
        <Link href={`/bookings/${bookingId}`} className="btn-secondary">
          <span aria-hidden="true">{t("details")}</span>
          <span className="sr-only">{t("detailsFor", { summary })}</span>
        </Link>
      </div>
      <FormMessage state={approveState} />
    </div>
  );
}
