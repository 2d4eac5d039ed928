import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { BarChart, niceScale } from "@/app/_components/bar-chart";
import { formatCell } from "@/lib/reports/export/format-cell";
import { getUtilisation } from "@/lib/reports/get-utilisation";
import { UTILISATION_GROUPS } from "@/lib/reports/report-input";
import { utilisationTable } from "@/lib/reports/report-tables";
import { DataTable } from "./_components/data-table";
import { Definitions, ExpertiseNote } from "./_components/definitions";
import { Downloads } from "./_components/downloads";
import { ReportFrame, ReportsForbidden, segment } from "./_components/report-frame";
import { SummaryTiles } from "./_components/summary-tiles";
import { loadReportPage } from "./_lib/load-report-page";
import { reportHref } from "./_lib/report-query";

/** The chart shows this many rows at most (the busiest); the table shows them all. */
const CHART_ROWS = 15;

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("reports"))("utilisation.title") };
}

export default async function UtilisationPage({ searchParams }: PageProps<"/reports">) {
  const page = await loadReportPage(searchParams);
  if (!page.allowed) return <ReportsForbidden />;
  const { actor, db, locale, t, query, organisations, input } = page;
  const tr = await getTranslations("reports");
  const report = await getUtilisation(db, actor, { ...input, groupBy: query.groupBy });
  const table = utilisationTable(report, t);
  const pct = (v: number | null) => formatCell(v, "percent", locale);
  const hours = (v: number) => formatCell(v, "hours", locale);
  const label = (key: string, name: string) => (report.groupBy === "kind" ? t(`kinds.${key}`) : name);
  const charted = report.rows.slice(0, CHART_ROWS);
  const scale = niceScale(Math.max(0, ...charted.map((r) => Math.max(r.utilisation ?? 0, r.previousUtilisation ?? 0))));
  const top = report.rows[0];
  const bottom = report.rows.filter((r) => r.utilisation !== null).at(-1);

  return (
    <ReportFrame
      actor={actor}
      query={query}
      tab="utilisation"
      organisations={organisations}
      downloads={<Downloads query={query} tables={[{ report: "utilisation", label: table.title }]} />}
    >
      <section aria-labelledby="utilisation-title" className="card">
        <h2 id="utilisation-title" className="text-xl font-semibold">
          {tr("utilisation.title")}
        </h2>
        <nav aria-labelledby="utilisation-group" className="mt-3">
          <p id="utilisation-group" className="label">
            {tr("utilisation.groupLabel")}
          </p>
          <ul className="flex flex-wrap gap-2">
            {UTILISATION_GROUPS.map((g) => (
              <li key={g}>
                <Link
                  href={reportHref("/reports", query, { groupBy: g })}
                  aria-current={query.groupBy === g ? "page" : undefined}
                  className={segment(query.groupBy === g)}
                >
                  {tr(`groupByTabs.${g}`)}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <div className="mt-4">
          <SummaryTiles
            items={[
              { label: tr("utilisation.total"), value: pct(report.totals.utilisation) },
              { label: tr("columns.bookedHours"), value: hours(report.totals.bookedHours) },
              { label: tr("columns.availableHours"), value: hours(report.totals.availableHours) },
              {
                label: tr("utilisation.changeLabel"),
                value: formatCell(report.totals.change, "points", locale),
                hint: tr("utilisation.changeHint", { previous: pct(report.totals.previousUtilisation) }),
              },
            ]}
          />
        </div>
        {report.rows.length === 0 ? (
          <p className="mt-4 text-slate-700">{tr("utilisation.empty")}</p>
        ) : (
          <div className="mt-6 space-y-6">
            <div data-testid="utilisation-chart">
              <h3 className="text-lg font-semibold">{tr("utilisation.chartTitle")}</h3>
              {report.rows.length > CHART_ROWS ? (
                <p className="text-sm text-slate-700">{tr("chartLimited", { count: CHART_ROWS })}</p>
              ) : null}
              <BarChart
                id="utilisation-chart"
                title={tr("utilisation.chartTitle")}
                description={tr("utilisation.chartDesc", {
                  top: top ? `${label(top.key, top.label)} (${pct(top.utilisation)})` : "–",
                  bottom: bottom ? `${label(bottom.key, bottom.label)} (${pct(bottom.utilisation)})` : "–",
                })}
                categoryAxisLabel={tr(`groupBy.${report.groupBy}`)}
                valueAxisLabel={tr("utilisation.valueAxis")}
                valueLegend={tr("utilisation.legendCurrent")}
                markerLegend={tr("utilisation.legendPrevious")}
                max={scale.top}
                ticks={scale.ticks.map((v) => ({ value: v, text: pct(v) }))}
                items={charted.map((r) => ({
                  label: label(r.key, r.label),
                  value: r.utilisation,
                  valueText: pct(r.utilisation),
                  marker: r.previousUtilisation,
                }))}
              />
            </div>
            <DataTable table={table} locale={locale} testId="utilisation-table" />
          </div>
        )}
        <ExpertiseNote />
      </section>
      <Definitions
        keys={["booked", "available", "units", "expertise", "clock", "previous", "overbooked", "needsBoard"]}
      />
    </ReportFrame>
  );
}
