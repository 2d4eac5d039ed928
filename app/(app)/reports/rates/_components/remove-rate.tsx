"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { AskOnce } from "@/app/_components/ask-once";
import { FormMessage, SubmitButton } from "@/app/_components/form-parts";
import { initialFormState } from "@/app/_lib/form-state";
import { removeRateCardAction } from "../actions";

/** Removes a rate entered by mistake, after asking once. */
export function RemoveRate({ id, description }: { id: string; description: string }) {
  const t = useTranslations("rateCards");
  const [state, action] = useActionState(removeRateCardAction, initialFormState);
  return (
    <div>
      <AskOnce
        triggerClassName="btn-danger"
        trigger={
          <>
            <span aria-hidden="true">{t("remove")}</span>
            <span className="sr-only">{t("removeFor", { rate: description })}</span>
          </>
        }
        question={t("confirmRemove", { rate: description })}
      >
        {(close) => (
          <form action={action} className="flex flex-wrap gap-2">
            <input type="hidden" name="rateCardId" value={id} />
            <SubmitButton pendingLabel={t("removing")} className="btn-danger">
              {t("confirmYes")}
            </SubmitButton>
            <button type="button" className="btn-secondary" onClick={close}>
              {t("confirmNo")}
            </button>
          </form>
        )}
      </AskOnce>
      {state.status === "error" ? <FormMessage state={state} /> : null}
    </div>
  );
}
