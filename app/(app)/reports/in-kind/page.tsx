import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { BarChart, niceScale } from "@/app/_components/bar-chart";
import { AlertIcon } from "@/app/_components/icons";
import { formatCell } from "@/lib/reports/export/format-cell";
import { formatLocalDate, formatMonth } from "@/lib/reports/export-report";
import { getInKind } from "@/lib/reports/get-in-kind";
import { IN_KIND_GROUPS } from "@/lib/reports/report-input";
import { inKindLinesTable, inKindTable } from "@/lib/reports/report-tables";
import { DataTable } from "../_components/data-table";
import { Definitions, ExpertiseNote } from "../_components/definitions";
import { Downloads } from "../_components/downloads";
import { ReportFrame, ReportsForbidden, segment } from "../_components/report-frame";
import { SummaryTiles } from "../_components/summary-tiles";
import { loadReportPage } from "../_lib/load-report-page";
import { reportHref } from "../_lib/report-query";

const CHART_ROWS = 15;

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("reports"))("inKind.title") };
}

export default async function InKindPage({ searchParams }: PageProps<"/reports/in-kind">) {
  const page = await loadReportPage(searchParams);
  if (!page.allowed) return <ReportsForbidden />;
  const { actor, db, locale, t, query, organisations, input } = page;
  const tr = await getTranslations("reports");
  const report = await getInKind(db, actor, { ...input, groupBy: query.by });
  const { needsBoard } = report;
  const summary = inKindTable(report, t, (m) => formatMonth(m, locale));
  const lines = inKindLinesTable(report, t, (d) => formatLocalDate(d, locale));
  const money = (v: number) => formatCell(v, "money", locale);
  const charted = summary.rows.slice(0, CHART_ROWS);
  const scale = niceScale(Math.max(0, ...report.rows.map((r) => r.value)));

  return (
    <ReportFrame
      actor={actor}
      query={query}
      tab="inKind"
      organisations={organisations}
      downloads={
        <Downloads
          query={query}
          tables={[
            { report: "in-kind-lines", label: lines.title },
            { report: "in-kind", label: summary.title },
          ]}
        />
      }
    >
      <section aria-labelledby="in-kind-title" className="card">
        <h2 id="in-kind-title" className="text-xl font-semibold">
          {tr("inKind.title")}
        </h2>
        <p className="mt-1 max-w-3xl text-slate-700">{tr("inKind.intro")}</p>
        <div className="mt-4">
          <SummaryTiles
            items={[
              { label: tr("inKind.total"), value: money(report.totals.value) },
              { label: tr("columns.goodsValue"), value: money(report.totals.goodsValue) },
              { label: tr("columns.personalValue"), value: money(report.totals.personalValue) },
              { label: tr("columns.bookings"), value: formatCell(report.totals.bookings, "int", locale) },
              ...(needsBoard.totals.engagements > 0
                ? [
                    {
                      label: tr("inKind.needsBoard"),
                      value: money(needsBoard.totals.value),
                      hint: tr("inKind.needsBoardHint", {
                        count: needsBoard.totals.engagements,
                        hours: formatCell(needsBoard.totals.hours, "hours", locale),
                      }),
                    },
                  ]
                : []),
            ]}
          />
        </div>
        {report.unvalued.length ? (
          <UnvaluedAlert
            testId="unvalued"
            title={tr("inKind.unvaluedTitle", { count: report.totals.unvalued })}
            items={report.unvalued.map((u) => ({
              key: u.resource.id,
              text: `${u.resource.name} (${u.lender.name}): ${tr("inKind.unvaluedCount", { count: u.bookings })}`,
            }))}
            link={tr("inKind.unvaluedLink")}
          />
        ) : null}
        {needsBoard.unvalued.length ? (
          <UnvaluedAlert
            testId="needs-board-unvalued"
            title={tr("inKind.needsBoardUnvalued", { count: needsBoard.totals.unvalued })}
            items={needsBoard.unvalued.map((u) => ({
              key: u.lender.slug,
              text: `${u.lender.name}: ${tr("inKind.needsBoardUnvaluedCount", { count: u.engagements })}`,
            }))}
            link={tr("inKind.unvaluedLink")}
          />
        ) : null}
      </section>

      <section aria-labelledby="in-kind-lines" className="card mt-6">
        <h2 id="in-kind-lines" className="text-xl font-semibold">
          {tr("inKind.linesHeading")}
        </h2>
        <p className="mt-1 max-w-3xl text-slate-700">{tr("inKind.linesIntro")}</p>
        <div className="mt-4">
          <DataTable table={lines} locale={locale} testId="in-kind-lines-table" empty={tr("inKind.empty")} />
        </div>
        <ExpertiseNote />
      </section>

      <section aria-labelledby="in-kind-summary" className="card mt-6">
        <h2 id="in-kind-summary" className="text-xl font-semibold">
          {summary.title}
        </h2>
        <nav aria-labelledby="in-kind-group" className="mt-3">
          <p id="in-kind-group" className="label">
            {tr("inKind.groupLabel")}
          </p>
          <ul className="flex flex-wrap gap-2">
            {IN_KIND_GROUPS.map((g) => (
              <li key={g}>
                <Link
                  href={reportHref("/reports/in-kind", query, { by: g })}
                  aria-current={query.by === g ? "page" : undefined}
                  className={segment(query.by === g)}
                >
                  {tr(`inKindByTabs.${g}`)}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        {report.rows.length === 0 ? (
          <p className="mt-4 text-slate-700">{tr("inKind.empty")}</p>
        ) : (
          <div className="mt-6 space-y-6">
            <div data-testid="in-kind-chart">
              {summary.rows.length > CHART_ROWS ? (
                <p className="text-sm text-slate-700">{tr("chartLimited", { count: CHART_ROWS })}</p>
              ) : null}
              <BarChart
                id="in-kind-chart"
                title={tr("inKind.chartTitle")}
                description={tr("inKind.chartDesc", {
                  top: `${summary.rows[0]?.label ?? ""} (${money(report.rows[0]?.value ?? 0)})`,
                  total: money(report.totals.value),
                })}
                categoryAxisLabel={tr(`inKindBy.${report.groupBy}`)}
                valueAxisLabel={tr("inKind.valueAxis")}
                max={scale.top}
                ticks={scale.ticks.map((v) => ({ value: v, text: formatCell(v, "int", locale) }))}
                items={charted.map((row, i) => ({
                  label: String(row.label),
                  value: report.rows[i].value,
                  valueText: money(report.rows[i].value),
                }))}
              />
            </div>
            <DataTable table={summary} locale={locale} testId="in-kind-table" />
          </div>
        )}
      </section>
      <Definitions keys={["valuation", "inKindPeriod", "equipmentDays", "expertise", "needsBoard", "ownUse"]} />
    </ReportFrame>
  );
}

/** Work that has no rate to value it with: what it is, and the way to the rate cards. */
function UnvaluedAlert({
  testId,
  title,
  items,
  link,
}: {
  testId: string;
  title: string;
  items: { key: string; text: string }[];
  link: string;
}) {
  return (
    <div
      className="mt-4 flex items-start gap-2 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-amber-950"
      data-testid={testId}
    >
      <AlertIcon className="mt-0.5 shrink-0" />
      <div>
        <p className="font-medium">{title}</p>
        <ul className="mt-1 list-disc pl-6">
          {items.map((item) => (
            <li key={item.key}>{item.text}</li>
          ))}
        </ul>
        <p className="mt-1">
          <Link href="/reports/rates" className="text-amber-950">
            {link}
          </Link>
        </p>
      </div>
    </div>
  );
}
