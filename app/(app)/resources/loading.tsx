import { useTranslations } from "next-intl";

/** Shown while the catalogue or a resource page is read: a skeleton of cards, announced once. */
export default function Loading() {
  const t = useTranslations("catalogue");
  return (
    <div>
      <p role="status" aria-live="polite" className="mb-4 flex items-center gap-3 text-slate-700">
        <span
          className="h-5 w-5 animate-spin rounded-full border-2 border-slate-400 border-t-brand-700"
          aria-hidden="true"
        />
        {t("loading")}
      </p>
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3" aria-hidden="true">
        {[0, 1, 2].map((i) => (
          <div key={i} className="card h-40 animate-pulse bg-slate-100" />
        ))}
      </div>
    </div>
  );
}
