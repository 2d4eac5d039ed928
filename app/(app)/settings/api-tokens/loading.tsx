import { useTranslations } from "next-intl";

export default function Loading() {
  const t = useTranslations("apiTokens");
  return (
    <div role="status" aria-live="polite" className="flex items-center gap-3 py-10 text-slate-700">
      <span
        className="h-5 w-5 animate-spin rounded-full border-2 border-slate-400 border-t-brand-700"
        aria-hidden="true"
      />
      {t("loading")}
    </div>
  );
}
