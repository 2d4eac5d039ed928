import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { AlertIcon } from "@/app/_components/icons";
import { PageHeader } from "@/app/_components/page-header";
import type { Actor } from "@/lib/auth/permissions";
import { can } from "@/lib/auth/permissions";
import { periodDays, previousPeriod, REPORT_PRESETS } from "@/lib/domain/report-period";
import type { Locale } from "@/lib/i18n/config";
import { formatLocalDate } from "@/lib/reports/export-report";
import { type ReportQuery, reportHref } from "../_lib/report-query";

export const REPORT_TABS = [
  { id: "utilisation", path: "/reports" },
  { id: "exchange", path: "/reports/exchange" },
  { id: "inKind", path: "/reports/in-kind" },
  { id: "funnel", path: "/reports/funnel" },
  { id: "rates", path: "/reports/rates" },
] as const;
export type ReportTab = (typeof REPORT_TABS)[number]["id"];

export const segment = (current: boolean) =>
  `inline-flex min-h-11 items-center rounded-md px-3 font-medium no-underline ${
    current
      ? "bg-brand-700 text-white hover:text-white"
      : "border border-slate-500 bg-white text-slate-900 hover:bg-slate-100 hover:text-slate-900"
  }`;

/** Reports are for the coordinator and organisation admins; anyone else sees why not (the API answers 403). */
export function ReportsForbidden() {
  const t = useTranslations("reports");
  return (
    <>
      <PageHeader title={t("title")} />
      <section className="card flex gap-3" aria-labelledby="reports-forbidden" data-testid="reports-forbidden">
        <AlertIcon className="mt-1 shrink-0 text-red-800" />
        <div>
          <h2 id="reports-forbidden" className="text-xl font-semibold">
            {t("forbidden.title")}
          </h2>
          <p className="mt-1 text-slate-700">{t("forbidden.text")}</p>
          <p className="mt-2">
            <Link href="/dashboard">{t("forbidden.back")}</Link>
          </p>
        </div>
      </section>
    </>
  );
}

export const mayReport = (actor: Actor) => can(actor, "reports.own");

/** Header, tabs, the period and scope, and the downloads of every report page. */
export function ReportFrame({
  actor,
  query,
  tab,
  organisations,
  downloads,
  children,
}: {
  actor: Actor;
  query: ReportQuery;
  tab: ReportTab;
  /** For the coordinator's choice of one partner. */
  organisations: { slug: string; name: string }[];
  downloads?: ReactNode;
  children: ReactNode;
}) {
  const t = useTranslations("reports");
  const tv = useTranslations("validation");
  const locale = useLocale() as Locale;
  const coordinator = can(actor, "reports.all");
  const focus = organisations.find((o) => o.slug === query.organisation);
  const scopeText = coordinator
    ? focus
      ? t("scope.one", { organisation: focus.name })
      : t("scope.all")
    : t("scope.own", { organisation: actor.organisationName });
  const previous = previousPeriod(query);
  const date = (d: string) => formatLocalDate(d, locale);
  const typed = query.typed ?? { from: query.from, to: query.to };

  return (
    <>
      <PageHeader title={t("title")} description={scopeText} />
      <nav aria-label={t("tabs.label")} className="mb-4">
        <ul className="flex flex-wrap gap-2">
          {REPORT_TABS.map((item) => (
            <li key={item.id}>
              <Link
                href={reportHref(item.path, query)}
                aria-current={tab === item.id ? "page" : undefined}
                className={segment(tab === item.id)}
              >
                {t(`tabs.${item.id}`)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>

      {tab === "rates" ? null : (
        <section aria-labelledby="report-period" className="card mb-6 print:hidden">
          <h2 id="report-period" className="text-lg font-semibold">
            {t("period.title")}
          </h2>
          <p className="mt-1 text-slate-800" data-testid="report-period-text">
            {t("period.current", { from: date(query.from), to: date(query.to), days: periodDays(query) })}{" "}
            <span className="text-slate-700">
              {t("period.previous", { from: date(previous.from), to: date(previous.to) })}
            </span>
          </p>
          <nav aria-labelledby="report-presets" className="mt-3">
            <p id="report-presets" className="label">
              {t("period.presets")}
            </p>
            <ul className="flex flex-wrap gap-2">
              {REPORT_PRESETS.map((preset) => (
                <li key={preset}>
                  <Link
                    href={`${REPORT_TABS.find((x) => x.id === tab)?.path}?preset=${preset}${
                      query.groupBy !== "resource" ? `&groupBy=${query.groupBy}` : ""
                    }${query.by !== "organisation" ? `&by=${query.by}` : ""}${
                      query.organisation ? `&organisation=${encodeURIComponent(query.organisation)}` : ""
                    }`}
                    aria-current={query.preset === preset ? "true" : undefined}
                    className={segment(query.preset === preset)}
                  >
                    {t(`period.preset.${preset}`)}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
          <details
            className="mt-4"
            open={query.preset === null || query.problem !== undefined || Boolean(query.organisation)}
          >
            <summary className="inline-flex min-h-11 cursor-pointer items-center font-medium text-brand-700 underline underline-offset-2">
              {t("period.customDates")}
            </summary>
            <form method="get" className="mt-2 flex flex-wrap items-end gap-3" aria-describedby="report-period-error">
              <input type="hidden" name="groupBy" value={query.groupBy} />
              <input type="hidden" name="by" value={query.by} />
              <div>
                <label htmlFor="report-from" className="label">
                  {t("period.from")}
                </label>
                <input
                  id="report-from"
                  name="from"
                  type="date"
                  required
                  defaultValue={typed.from}
                  className="input"
                  aria-invalid={query.problem?.field === "from" ? true : undefined}
                />
              </div>
              <div>
                <label htmlFor="report-to" className="label">
                  {t("period.to")}
                </label>
                <input
                  id="report-to"
                  name="to"
                  type="date"
                  required
                  defaultValue={typed.to}
                  className="input"
                  aria-invalid={query.problem?.field === "to" ? true : undefined}
                />
              </div>
              {coordinator ? (
                <div>
                  <label htmlFor="report-organisation" className="label">
                    {t("period.organisation")}
                  </label>
                  <select
                    id="report-organisation"
                    name="organisation"
                    defaultValue={query.organisation ?? ""}
                    className="input"
                  >
                    <option value="">{t("scope.all")}</option>
                    {organisations.map((o) => (
                      <option key={o.slug} value={o.slug}>
                        {o.name}
                      </option>
                    ))}
                  </select>
                </div>
              ) : null}
              <button type="submit" className="btn-primary">
                {t("period.show")}
              </button>
            </form>
          </details>
          <div id="report-period-error" role="status" aria-live="polite">
            {query.problem ? (
              <p className="mt-3 flex items-start gap-2 rounded-md border border-red-300 bg-red-50 px-3 py-2 text-red-900">
                <AlertIcon className="mt-0.5 shrink-0" />
                <span>
                  {tv(query.problem.reason)} {t("period.fallback")}
                </span>
              </p>
            ) : null}
          </div>
        </section>
      )}
      {children}
      {downloads}
    </>
  );
}
