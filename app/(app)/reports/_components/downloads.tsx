import Link from "next/link";
import { useTranslations } from "next-intl";
import { exportHref, type ReportQuery, reportSearch } from "../_lib/report-query";

/**
 * Downloads of what the page shows (CSV and XLSX per table) and of everything (XLSX, PDF, the printable view).
 * Plain links to the export route: they work without JavaScript and carry the period and the scope.
 */
export function Downloads({ query, tables }: { query: ReportQuery; tables: { report: string; label: string }[] }) {
  const t = useTranslations("reports.downloads");
  const link = "inline-flex min-h-11 items-center rounded-md border border-slate-500 bg-white px-3 font-medium";
  return (
    <section aria-labelledby="report-downloads" className="card mt-6 print:hidden">
      <h2 id="report-downloads" className="text-lg font-semibold">
        {t("title")}
      </h2>
      <p className="mt-1 text-sm text-slate-700">{t("csvNote")}</p>
      <ul className="mt-3 space-y-2">
        {tables.map((x) => (
          <li key={x.report} className="flex flex-wrap items-center gap-2">
            <span className="min-w-48 font-medium">{x.label}</span>
            <a href={exportHref(query, x.report, "csv")} download className={link}>
              {t("csv")}
              <span className="sr-only"> – {x.label}</span>
            </a>
            <a href={exportHref(query, x.report, "xlsx")} download className={link}>
              {t("xlsx")}
              <span className="sr-only"> – {x.label}</span>
            </a>
          </li>
        ))}
        <li className="flex flex-wrap items-center gap-2">
          <span className="min-w-48 font-medium">{t("all")}</span>
          <a href={exportHref(query, "all", "xlsx")} download className={link} data-testid="download-all-xlsx">
            {t("xlsx")}
            <span className="sr-only"> – {t("all")}</span>
          </a>
          <a href={exportHref(query, "all", "pdf")} download className={link}>
            {t("pdf")}
            <span className="sr-only"> – {t("all")}</span>
          </a>
          <Link href={`/reports/print?${reportSearch(query)}`} className={link}>
            {t("print")}
          </Link>
        </li>
      </ul>
    </section>
  );
}
