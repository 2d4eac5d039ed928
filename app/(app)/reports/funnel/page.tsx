import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { BarChart, niceScale } from "@/app/_components/bar-chart";
import { formatCell } from "@/lib/reports/export/format-cell";
import { getFunnel } from "@/lib/reports/get-funnel";
import { decisionTable, funnelTable, underusedTable } from "@/lib/reports/report-tables";
import { DataTable } from "../_components/data-table";
import { Definitions } from "../_components/definitions";
import { Downloads } from "../_components/downloads";
import { ReportFrame, ReportsForbidden } from "../_components/report-frame";
import { SummaryTiles } from "../_components/summary-tiles";
import { loadReportPage } from "../_lib/load-report-page";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("reports"))("funnel.title") };
}

export default async function FunnelPage({ searchParams }: PageProps<"/reports/funnel">) {
  const page = await loadReportPage(searchParams);
  if (!page.allowed) return <ReportsForbidden />;
  const { actor, db, locale, t, query, organisations, input } = page;
  const tr = await getTranslations("reports");
  const report = await getFunnel(db, actor, input);
  const funnel = funnelTable(report, t);
  const decisions = decisionTable(report, t);
  const underused = underusedTable(report, t);
  const int = (v: number) => formatCell(v, "int", locale);
  const median = report.medianDecisionHours;
  const scale = niceScale(report.requests);

  return (
    <ReportFrame
      actor={actor}
      query={query}
      tab="funnel"
      organisations={organisations}
      downloads={
        <Downloads
          query={query}
          tables={[
            { report: "funnel", label: funnel.title },
            { report: "decisions", label: decisions.title },
            { report: "underused", label: underused.title },
          ]}
        />
      }
    >
      <section aria-labelledby="funnel-title" className="card">
        <h2 id="funnel-title" className="text-xl font-semibold">
          {tr("funnel.title")}
        </h2>
        <p className="mt-1 max-w-3xl text-slate-700">{tr("funnel.intro")}</p>
        <div className="mt-4">
          <SummaryTiles
            items={[
              { label: tr("funnel.steps.requests"), value: int(report.requests) },
              { label: tr("funnel.steps.approved"), value: int(report.approved) },
              {
                label: tr("funnel.median"),
                value: median === null ? "–" : tr("funnel.hours", { hours: formatCell(median, "hours", locale) }),
                hint: tr("funnel.medianHint", { count: report.decided }),
              },
              { label: tr("funnel.steps.expired"), value: int(report.expired) },
            ]}
          />
        </div>
        <div className="mt-6 space-y-6">
          <div data-testid="funnel-chart">
            <BarChart
              id="funnel-chart"
              title={tr("funnel.chartTitle")}
              description={tr("funnel.chartDesc", {
                requests: report.requests,
                approved: report.approved,
                declined: report.declined,
              })}
              categoryAxisLabel={tr("columns.step")}
              valueAxisLabel={tr("funnel.valueAxis")}
              max={scale.top}
              ticks={scale.ticks.filter((v) => Number.isInteger(v)).map((v) => ({ value: v, text: int(v) }))}
              items={funnel.rows.map((row) => ({
                label: String(row.step),
                value: Number(row.count),
                valueText: int(Number(row.count)),
              }))}
            />
          </div>
          <DataTable table={funnel} locale={locale} testId="funnel-table" />
          <DataTable table={decisions} locale={locale} />
        </div>
      </section>

      <section aria-labelledby="underused-title" className="card mt-6">
        <h2 id="underused-title" className="text-xl font-semibold">
          {underused.title}
        </h2>
        <p className="mt-1 max-w-3xl text-slate-700">{tr("funnel.underusedIntro")}</p>
        <div className="mt-4">
          <DataTable table={underused} locale={locale} testId="underused-table" empty={tr("funnel.noUnderused")} />
        </div>
      </section>
      <Definitions keys={["funnel", "decision", "underused", "available"]} />
    </ReportFrame>
  );
}
