import { useTranslations } from "next-intl";

/** The agenda's shape while it loads, so the page does not jump. */
export default function Loading() {
  const t = useTranslations("agenda");
  return (
    <div role="status" aria-live="polite" className="space-y-4">
      <p className="flex items-center gap-3 text-slate-700">
        <span
          className="h-5 w-5 animate-spin rounded-full border-2 border-slate-400 border-t-brand-700"
          aria-hidden="true"
        />
        {t("loading")}
      </p>
      <div className="card space-y-3" aria-hidden="true">
        {[0, 1, 2, 3].map((i) => (
          <div key={i} className="h-14 animate-pulse rounded-md bg-slate-100" />
        ))}
      </div>
    </div>
  );
}
