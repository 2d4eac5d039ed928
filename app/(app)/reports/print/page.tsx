import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { BarChart, niceScale } from "@/app/_components/bar-chart";
import { previousPeriod } from "@/lib/domain/report-period";
import { formatDateTime } from "@/lib/i18n/format";
import { formatCell } from "@/lib/reports/export/format-cell";
import { formatLocalDate, formatMonth } from "@/lib/reports/export-report";
import { getExchange } from "@/lib/reports/get-exchange";
import { getFunnel } from "@/lib/reports/get-funnel";
import { getInKind } from "@/lib/reports/get-in-kind";
import { getUtilisation } from "@/lib/reports/get-utilisation";
import {
  decisionTable,
  exchangeTable,
  funnelTable,
  inKindLinesTable,
  inKindTable,
  matrixTable,
  underusedTable,
  utilisationTable,
} from "@/lib/reports/report-tables";
import { DataTable } from "../_components/data-table";
import { ReportsForbidden } from "../_components/report-frame";
import { loadReportPage } from "../_lib/load-report-page";
import { exportHref, reportHref } from "../_lib/report-query";
import { PrintButton } from "./print-button";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("reports"))("print.title") };
}

// The app's header, navigation and footer are not part of a printed report.
const PRINT_CSS = `@media print {
  body > div > header, body > div > footer, .print\\:hidden { display: none !important; }
  main { max-width: none !important; padding: 0 !important; }
  .card { box-shadow: none !important; border: none !important; padding: 0 !important; }
  tr, figure { break-inside: avoid; }
  h1, h2, caption { break-after: avoid; }
  [role="region"] { overflow: visible !important; }
  @page { size: A4 landscape; margin: 12mm; }
}`;

/** Every report on one page, for printing or saving as PDF: partnership, period, scope and date of generation on top. */
export default async function PrintPage({ searchParams }: PageProps<"/reports/print">) {
  const page = await loadReportPage(searchParams);
  if (!page.allowed) return <ReportsForbidden />;
  const { actor, db, locale, t, query, organisations, input } = page;
  const tr = await getTranslations("reports");
  const [utilisation, exchange, inKind, funnel] = await Promise.all([
    getUtilisation(db, actor, { ...input, groupBy: query.groupBy }),
    getExchange(db, actor, input),
    getInKind(db, actor, { ...input, groupBy: query.by }),
    getFunnel(db, actor, input),
  ]);
  const date = (d: string) => formatLocalDate(d, locale);
  const previous = previousPeriod(query);
  const focus = organisations.find((o) => o.slug === query.organisation);
  const scope = focus
    ? tr("scope.one", { organisation: focus.name })
    : organisations.length
      ? tr("scope.all")
      : tr("scope.own", { organisation: actor.organisationName });
  const pct = (v: number | null) => formatCell(v, "percent", locale);
  // A chart is one picture: ten bars keep it on one landscape page.
  const charted = utilisation.rows.slice(0, 10);
  const scale = niceScale(Math.max(0, ...charted.map((r) => Math.max(r.utilisation ?? 0, r.previousUtilisation ?? 0))));
  const label = (key: string, name: string) => (utilisation.groupBy === "kind" ? t(`kinds.${key}`) : name);

  return (
    <article className="space-y-8" data-testid="print-view">
      {/* biome-ignore lint/security/noDangerouslySetInnerHtml: a constant stylesheet, no user input. */}
      <style dangerouslySetInnerHTML={{ __html: PRINT_CSS }} />
      <div className="flex flex-wrap gap-2 print:hidden">
        <PrintButton label={tr("print.print")} />
        <a href={exportHref(query, "all", "pdf")} download className="btn-secondary">
          {tr("print.pdf")}
        </a>
        <Link href={reportHref("/reports", query)} className="btn-secondary">
          {tr("print.back")}
        </Link>
      </div>
      <header className="border-b-2 border-slate-900 pb-3">
        <p className="text-lg font-semibold">{tr("partnership")}</p>
        <h1 className="text-2xl font-bold">{tr("print.title")}</h1>
        <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
          <dt className="font-semibold">{tr("export.period")}</dt>
          <dd>{`${date(query.from)} – ${date(query.to)}`}</dd>
          <dt className="font-semibold">{tr("export.previous")}</dt>
          <dd>{`${date(previous.from)} – ${date(previous.to)}`}</dd>
          <dt className="font-semibold">{tr("export.scope")}</dt>
          <dd>{scope}</dd>
          <dt className="font-semibold">{tr("export.generated")}</dt>
          <dd>{formatDateTime(new Date(), locale)}</dd>
        </dl>
      </header>

      <section aria-labelledby="print-utilisation" className="space-y-4">
        <h2 id="print-utilisation" className="text-xl font-semibold">
          {tr("utilisation.title")}
        </h2>
        {utilisation.rows.length > charted.length ? (
          <p className="text-sm text-slate-700">{tr("chartLimited", { count: charted.length })}</p>
        ) : null}
        {charted.length ? (
          <BarChart
            id="print-utilisation-chart"
            title={tr("utilisation.chartTitle")}
            description={tr("utilisation.printDesc")}
            categoryAxisLabel={tr(`groupBy.${utilisation.groupBy}`)}
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
        ) : null}
        <DataTable table={utilisationTable(utilisation, t)} locale={locale} empty={tr("utilisation.empty")} />
      </section>

      <section aria-labelledby="print-exchange" className="space-y-4">
        <h2 id="print-exchange" className="text-xl font-semibold">
          {tr("exchange.title")}
        </h2>
        <DataTable table={exchangeTable(exchange, t)} locale={locale} />
        <DataTable table={matrixTable(exchange, t)} locale={locale} empty={tr("exchange.empty")} />
      </section>

      <section aria-labelledby="print-in-kind" className="space-y-4">
        <h2 id="print-in-kind" className="text-xl font-semibold">
          {tr("inKind.title")}
        </h2>
        <DataTable
          table={inKindLinesTable(inKind, t, (d) => formatLocalDate(d, locale))}
          locale={locale}
          empty={tr("inKind.empty")}
        />
        <DataTable
          table={inKindTable(inKind, t, (m) => formatMonth(m, locale))}
          locale={locale}
          empty={tr("inKind.empty")}
        />
      </section>

      <section aria-labelledby="print-funnel" className="space-y-4">
        <h2 id="print-funnel" className="text-xl font-semibold">
          {tr("funnel.title")}
        </h2>
        <DataTable table={funnelTable(funnel, t)} locale={locale} />
        <DataTable table={decisionTable(funnel, t)} locale={locale} />
        <DataTable table={underusedTable(funnel, t)} locale={locale} empty={tr("funnel.noUnderused")} />
      </section>

      <section aria-labelledby="print-definitions">
        <h2 id="print-definitions" className="text-xl font-semibold">
          {tr("definitions.title")}
        </h2>
        <ul className="mt-2 list-disc space-y-1 pl-6 text-sm">
          {(
            [
              "booked",
              "available",
              "units",
              "expertise",
              "clock",
              "previous",
              "valuation",
              "inKindPeriod",
              "equipmentDays",
              "needsBoard",
            ] as const
          ).map((k) => (
            <li key={k}>{tr(`definitions.${k}`)}</li>
          ))}
        </ul>
      </section>
    </article>
  );
}
