"use client";

import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { TextAreaField } from "@/app/_components/form-fields";
import { FormMessage, SubmitButton } from "@/app/_components/form-parts";
import { initialFormState } from "@/app/_lib/form-state";
import { acceptApplicationAction, rejectApplicationAction } from "./actions";

/** Accept at once; reject asks for the reason first (it is sent to the applicants). */
export function ApplicationDecision({ applicationId, organisation }: { applicationId: string; organisation: string }) {
  const t = useTranslations("coordinator");
  const [acceptState, accept] = useActionState(acceptApplicationAction, initialFormState);
  const [rejectState, reject] = useActionState(rejectApplicationAction, initialFormState);
  const [rejecting, setRejecting] = useState(false);
  return (
    <div className="space-y-3">
      {rejecting ? (
        <form action={reject} className="space-y-3 rounded-md border border-slate-300 p-3">
          <input type="hidden" name="applicationId" value={applicationId} />
          <TextAreaField name="reason" label={t("rejectReason")} state={rejectState} required />
          <div className="flex flex-wrap gap-2">
            <SubmitButton pendingLabel={t("rejecting")} className="btn-danger">
              {t("rejectConfirm")}
            </SubmitButton>
            <button type="button" className="btn-secondary" onClick={() => setRejecting(false)}>
              {t("cancel")}
            </button>
          </div>
        </form>
      ) : (
        <div className="flex flex-wrap gap-2">
          <form action={accept}>
            <input type="hidden" name="applicationId" value={applicationId} />
            <SubmitButton pendingLabel={t("accepting")}>
              <span aria-hidden="true">{t("accept")}</span>
              <span className="sr-only">{t("acceptFor", { organisation })}</span>
            </SubmitButton>
          </form>
          <button type="button" className="btn-danger" onClick={() => setRejecting(true)}>
            <span aria-hidden="true">{t("reject")}</span>
            <span className="sr-only">{t("rejectFor", { organisation })}</span>
          </button>
        </div>
      )}
      <FormMessage state={acceptState.status !== "idle" ? acceptState : rejectState} />
    </div>
  );
}
