"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { ErrorSummary } from "@/app/_components/form-fields";
import { Field, FormMessage, SubmitButton } from "@/app/_components/form-parts";
import { TrashIcon } from "@/app/_components/resource-icons";
import { initialFormState } from "@/app/_lib/form-state";
import { addBlackoutAction, removeBlackoutAction } from "../../../actions";

export interface BlackoutItem {
  id: string;
  /** `1 grudnia 2026, 00:00 – 3 grudnia 2026, 24:00`, Polish time. */
  label: string;
  reason: string;
}

/** The owner's closures of a resource: the coming ones with a remove button, and a form to add one. */
export function Blackouts({ resourceId, items }: { resourceId: string; items: BlackoutItem[] }) {
  const t = useTranslations("blackouts");
  const [state, action] = useActionState(addBlackoutAction, initialFormState);
  const labels: Record<string, string> = {
    startDate: t("startDate"),
    startTime: t("startTime"),
    endDate: t("endDate"),
    endTime: t("endTime"),
    reason: t("reason"),
  };
  return (
    <div className="space-y-6">
      {items.length === 0 ? (
        <p className="text-slate-700">{t("empty")}</p>
      ) : (
        <ul className="divide-y divide-slate-200 rounded-md border border-slate-300">
          {items.map((b) => (
            <li key={b.id} className="flex flex-wrap items-center justify-between gap-3 p-3">
              <div>
                <p className="font-medium">{b.label}</p>
                <p className="text-slate-700">{b.reason}</p>
              </div>
              <RemoveBlackout id={b.id} label={b.label} />
            </li>
          ))}
        </ul>
      )}

      <form action={action} className="space-y-4 rounded-md border border-slate-300 p-4" noValidate>
        <h3 className="text-lg font-semibold">{t("addTitle")}</h3>
        <p className="text-sm text-slate-700">{t("addHint")}</p>
        <input type="hidden" name="resourceId" value={resourceId} />
        <div className="grid gap-4 sm:grid-cols-2">
          <Field name="startDate" type="date" label={t("startDate")} required state={state} />
          <Field name="startTime" type="time" label={t("startTime")} state={state} />
          <Field name="endDate" type="date" label={t("endDate")} required state={state} />
          <Field name="endTime" type="time" label={t("endTime")} state={state} />
        </div>
        <Field name="reason" label={t("reason")} hint={t("reasonHint")} required state={state} />
        {state.status === "success" ? <FormMessage state={state} /> : <ErrorSummary state={state} labels={labels} />}
        <SubmitButton pendingLabel={t("adding")}>{t("add")}</SubmitButton>
      </form>
    </div>
  );
}

function RemoveBlackout({ id, label }: { id: string; label: string }) {
  const t = useTranslations("blackouts");
  const [state, action] = useActionState(removeBlackoutAction, initialFormState);
  return (
    <form action={action}>
      <input type="hidden" name="blackoutId" value={id} />
      <SubmitButton pendingLabel={t("removing")} className="btn-secondary">
        <TrashIcon />
        <span aria-hidden="true">{t("remove")}</span>
        <span className="sr-only">{t("removeFor", { period: label })}</span>
      </SubmitButton>
      {state.status === "error" ? <FormMessage state={state} /> : null}
    </form>
  );
}
