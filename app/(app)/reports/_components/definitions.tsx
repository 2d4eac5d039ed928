import { useTranslations } from "next-intl";
import { InfoIcon } from "@/app/_components/icons";

/** How the figures are counted, written on the page (and in the downloads). */
export function Definitions({ keys, title }: { keys: string[]; title?: string }) {
  const t = useTranslations("reports");
  return (
    <section aria-labelledby="report-definitions" className="card mt-6">
      <h2 id="report-definitions" className="text-lg font-semibold">
        {title ?? t("definitions.title")}
      </h2>
      <ul className="mt-2 list-disc space-y-1 pl-6 text-slate-800">
        {keys.map((key) => (
          <li key={key}>{t(`definitions.${key}` as never)}</li>
        ))}
      </ul>
    </section>
  );
}

/** Expertise counts confirmed volunteer hours, not booked ones: said where expertise figures appear. */
export function ExpertiseNote() {
  const t = useTranslations("reports");
  return (
    <p className="mt-3 flex items-start gap-2 rounded-md border border-purple-200 bg-purple-50 px-3 py-2 text-sm text-slate-900">
      <InfoIcon className="mt-0.5 shrink-0 text-expertise" />
      <span>{t("definitions.expertise")}</span>
    </p>
  );
}
