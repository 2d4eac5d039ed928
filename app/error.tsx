"use client";

import { useTranslations } from "next-intl";
import { useEffect } from "react";

/** A generic, translated page: no stack trace or message of the server's ever reaches the user. */
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations("errorPage");
  useEffect(() => {
    console.error(error);
  }, [error]);
  return (
    <main id="main" className="mx-auto max-w-xl px-4 py-16">
      <h1 className="text-3xl font-bold">{t("title")}</h1>
      <p className="mt-3 text-slate-700">{t("body")}</p>
      {error.digest ? <p className="mt-2 text-sm text-slate-700">{t("reference", { digest: error.digest })}</p> : null}
      <div className="mt-6 flex gap-3">
        <button type="button" className="btn-primary" onClick={reset}>
          {t("retry")}
        </button>
        <a href="/" className="btn-secondary">
          {t("home")}
        </a>
      </div>
    </main>
  );
}
