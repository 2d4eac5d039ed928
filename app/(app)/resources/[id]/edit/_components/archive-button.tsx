"use client";

import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { FormMessage, SubmitButton } from "@/app/_components/form-parts";
import { initialFormState } from "@/app/_lib/form-state";
import { archiveResourceAction } from "../../../actions";

/** Archiving asks once: the first button only shows what will happen and the real one. */
export function ArchiveButton({ resourceId, name }: { resourceId: string; name: string }) {
  const t = useTranslations("resourceEdit");
  const [state, action] = useActionState(archiveResourceAction, initialFormState);
  const [confirming, setConfirming] = useState(false);
  return (
    <div>
      {confirming ? (
        <form action={action} className="space-y-3 rounded-md border border-red-300 bg-red-50 p-4">
          <input type="hidden" name="resourceId" value={resourceId} />
          <p className="font-medium text-red-950">{t("archiveConfirm", { name })}</p>
          <p className="text-red-950">{t("archiveConsequences")}</p>
          <div className="flex flex-wrap gap-2">
            <SubmitButton pendingLabel={t("archiving")} className="btn-danger">
              {t("archiveYes")}
            </SubmitButton>
            <button type="button" className="btn-secondary" onClick={() => setConfirming(false)}>
              {t("archiveNo")}
            </button>
          </div>
        </form>
      ) : (
        <button type="button" className="btn-danger" onClick={() => setConfirming(true)}>
          {t("archive")}
        </button>
      )}
      <FormMessage state={state} />
    </div>
  );
}
