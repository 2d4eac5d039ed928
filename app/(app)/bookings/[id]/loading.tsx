import { useTranslations } from "next-intl";

export default function Loading() {
  const t = useTranslations("bookingDetail");
  return (
    <div role="status" aria-live="polite" className="space-y-4">
      <p className="flex items-center gap-3 text-slate-700">
        <span
          className="h-5 w-5 animate-spin rounded-full border-2 border-slate-400 border-t-brand-700"
          aria-hidden="true"
        />
        {t("loading")}
      </p>
      <div className="grid gap-6 lg:grid-cols-3" aria-hidden="true">
        <div className="card h-64 animate-pulse bg-slate-100 lg:col-span-2" />
        <div className="card h-40 animate-pulse bg-slate-100" />
      </div>
    </div>
  );
}
