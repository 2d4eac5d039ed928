"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { FormMessage, SubmitButton } from "@/app/_components/form-parts";
import { initialFormState } from "@/app/_lib/form-state";
import { markAllReadAction, openNotificationAction } from "./actions";

export function OpenNotification({ id, text }: { id: string; text: string }) {
  const t = useTranslations("notificationsPage");
  const [, action] = useActionState(openNotificationAction, initialFormState);
  return (
    <form action={action}>
      <input type="hidden" name="id" value={id} />
      <SubmitButton pendingLabel={t("marking")} className="btn-secondary">
        <span aria-hidden="true">{t("open")}</span>
        <span className="sr-only">{t("openFor", { text })}</span>
      </SubmitButton>
    </form>
  );
}

export function MarkAllRead() {
  const t = useTranslations("notificationsPage");
  const [state, action] = useActionState(markAllReadAction, initialFormState);
  return (
    <form action={action} className="flex flex-col items-end gap-1">
      <SubmitButton pendingLabel={t("marking")} className="btn-secondary">
        {t("markAll")}
      </SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}
