"use client";

import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { Field, FormMessage, SubmitButton } from "@/app/_components/form-parts";
import { initialFormState } from "@/app/_lib/form-state";
import { reinstatePartnerAction, suspendPartnerAction } from "./actions";

/** Suspending asks once, with the reason; restoring is one click. */
export function PartnerStatusForm({
  organisationId,
  name,
  status,
}: {
  organisationId: string;
  name: string;
  status: "active" | "suspended";
}) {
  const t = useTranslations("coordinator");
  const [suspendState, suspend] = useActionState(suspendPartnerAction, initialFormState);
  const [reinstateState, reinstate] = useActionState(reinstatePartnerAction, initialFormState);
  const [asking, setAsking] = useState(false);
  const state = suspendState.status !== "idle" ? suspendState : reinstateState;
  return (
    <div className="flex flex-col gap-2 sm:items-end">
      {status === "suspended" ? (
        <form action={reinstate}>
          <input type="hidden" name="organisationId" value={organisationId} />
          <SubmitButton pendingLabel={t("suspending")} className="btn-secondary">
            <span aria-hidden="true">{t("reinstate")}</span>
            <span className="sr-only">{t("reinstateFor", { organisation: name })}</span>
          </SubmitButton>
        </form>
      ) : asking ? (
        <form action={suspend} className="w-full max-w-md space-y-2 rounded-md border border-slate-300 p-3">
          <input type="hidden" name="organisationId" value={organisationId} />
          <Field name="reason" label={t("suspendReason")} state={suspendState} required />
          <div className="flex flex-wrap gap-2">
            <SubmitButton pendingLabel={t("suspending")} className="btn-danger">
              {t("suspendConfirm")}
            </SubmitButton>
            <button type="button" className="btn-secondary" onClick={() => setAsking(false)}>
              {t("cancel")}
            </button>
          </div>
        </form>
      ) : (
        <button type="button" className="btn-danger" onClick={() => setAsking(true)}>
          <span aria-hidden="true">{t("suspend")}</span>
          <span className="sr-only">{t("suspendFor", { organisation: name })}</span>
        </button>
      )}
      <FormMessage state={state} />
    </div>
  );
}
