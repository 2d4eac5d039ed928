"use client";

import { useLocale, useTranslations } from "next-intl";
import { useActionState } from "react";
import { setLocaleAction } from "@/app/_actions/locale";
import { initialFormState } from "@/app/_lib/form-state";

/** Switches between Polish and English; each button names its language in that language. */
export function LocaleSwitcher() {
  const locale = useLocale();
  const t = useTranslations("locale");
  const [, action] = useActionState(setLocaleAction, initialFormState);
  return (
    <form action={action} className="flex items-center gap-1" aria-label={t("label")}>
      {(["pl", "en"] as const).map((l) => (
        <button
          key={l}
          type="submit"
          name="locale"
          value={l}
          lang={l}
          aria-pressed={locale === l}
          className={`min-h-11 min-w-11 rounded-md px-2 text-sm font-semibold ${
            locale === l ? "bg-brand-700 text-white" : "text-slate-800 hover:bg-slate-200"
          }`}
        >
          <span aria-hidden="true">{l.toUpperCase()}</span>
          <span className="sr-only">{t(l)}</span>
        </button>
      ))}
    </form>
  );
}
