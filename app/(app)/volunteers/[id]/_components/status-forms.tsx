"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { AskOnce } from "@/app/_components/ask-once";
import { FormMessage, SubmitButton } from "@/app/_components/form-parts";
import { initialFormState } from "@/app/_lib/form-state";
import { eraseVolunteerAction, setVolunteerActiveAction } from "../../actions";

export function ActiveForm({ volunteerId, active }: { volunteerId: string; active: boolean }) {
  const t = useTranslations("volunteers.page");
  const [state, action] = useActionState(setVolunteerActiveAction, initialFormState);
  return (
    <form action={action} className="space-y-2">
      <input type="hidden" name="volunteerId" value={volunteerId} />
      <input type="hidden" name="active" value={active ? "false" : "true"} />
      <SubmitButton pendingLabel={t("saving")} className="btn-secondary">
        {active ? t("deactivate") : t("activate")}
      </SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}

/** Erasure is final, so it asks once; a refusal (an engagement not yet ended) is shown in place. */
export function EraseForm({ volunteerId, name }: { volunteerId: string; name: string }) {
  const t = useTranslations("volunteers.page");
  const [state, action] = useActionState(eraseVolunteerAction, initialFormState);
  return (
    <div className="space-y-2">
      <AskOnce trigger={t("erase")} question={t("eraseQuestion", { name })}>
        {(close) => (
          <form action={action} className="flex flex-wrap gap-2">
            <input type="hidden" name="volunteerId" value={volunteerId} />
            <SubmitButton pendingLabel={t("erasing")} className="btn-danger">
              {t("eraseYes")}
            </SubmitButton>
            <button type="button" className="btn-secondary" onClick={close}>
              {t("eraseNo")}
            </button>
          </form>
        )}
      </AskOnce>
      <FormMessage state={state} />
    </div>
  );
}
