import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Heatmap } from "@/app/_components/heatmap";
import { formatCell } from "@/lib/reports/export/format-cell";
import { getExchange } from "@/lib/reports/get-exchange";
import { exchangeTable, matrixTable } from "@/lib/reports/report-tables";
import { DataTable } from "../_components/data-table";
import { Definitions, ExpertiseNote } from "../_components/definitions";
import { Downloads } from "../_components/downloads";
import { ReportFrame, ReportsForbidden } from "../_components/report-frame";
import { SummaryTiles } from "../_components/summary-tiles";
import { loadReportPage } from "../_lib/load-report-page";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("reports"))("exchange.title") };
}

export default async function ExchangePage({ searchParams }: PageProps<"/reports/exchange">) {
  const page = await loadReportPage(searchParams);
  if (!page.allowed) return <ReportsForbidden />;
  const { actor, db, locale, t, query, organisations, input } = page;
  const tr = await getTranslations("reports");
  const report = await getExchange(db, actor, input);
  const money = (v: number) => formatCell(v, "money", locale);
  const wholeZloty = new Intl.NumberFormat(locale === "pl" ? "pl-PL" : "en-GB", {
    style: "currency",
    currency: "PLN",
    maximumFractionDigits: 0,
    useGrouping: "always",
  });
  const name = new Map(report.organisations.map((o) => [o.slug, o.name]));
  const cells = new Map<string, Map<string, { value: number; text: string }>>();
  for (const c of report.matrix) {
    const row = cells.get(c.lender) ?? new Map();
    row.set(c.borrower, { value: c.value, text: wholeZloty.format(c.value) });
    cells.set(c.lender, row);
  }
  const biggest = [...report.matrix].sort((a, b) => b.value - a.value)[0];
  const namesOf = (slugs: string[]) => slugs.map((s) => name.get(s) ?? s);
  const perOrganisation = exchangeTable(report, t);
  const matrix = matrixTable(report, t);

  return (
    <ReportFrame
      actor={actor}
      query={query}
      tab="exchange"
      organisations={organisations}
      downloads={
        <Downloads
          query={query}
          tables={[
            { report: "exchange", label: perOrganisation.title },
            { report: "matrix", label: matrix.title },
          ]}
        />
      }
    >
      <section aria-labelledby="exchange-title" className="card">
        <h2 id="exchange-title" className="text-xl font-semibold">
          {tr("exchange.title")}
        </h2>
        <p className="mt-1 max-w-3xl text-slate-700">{tr("exchange.intro")}</p>
        <div className="mt-4">
          <SummaryTiles
            items={[
              { label: tr("exchange.totalValue"), value: money(report.totals.value) },
              { label: tr("columns.bookings"), value: formatCell(report.totals.bookings, "int", locale) },
              { label: tr("columns.hours"), value: formatCell(report.totals.hours, "hours", locale) },
              { label: tr("exchange.pairs"), value: formatCell(report.matrix.length, "int", locale) },
              ...(report.totals.engagements > 0
                ? [
                    {
                      label: tr("exchange.needsBoardTile"),
                      value: money(report.totals.needsBoardValue),
                      hint: tr("exchange.needsBoardHint", {
                        count: report.totals.engagements,
                        hours: formatCell(report.totals.needsBoardHours, "hours", locale),
                      }),
                    },
                  ]
                : []),
            ]}
          />
        </div>
        <div className="mt-6">
          <DataTable table={perOrganisation} locale={locale} testId="exchange-table" />
        </div>
        <div className="mt-6 grid gap-4 md:grid-cols-2">
          <section aria-labelledby="only-give" className="rounded-lg border border-slate-200 p-3">
            <h3 id="only-give" className="font-semibold">
              {tr("exchange.onlyGive")}
            </h3>
            {report.onlyGive.length ? (
              <ul className="mt-1 list-disc pl-6">
                {namesOf(report.onlyGive).map((n) => (
                  <li key={n}>{n}</li>
                ))}
              </ul>
            ) : (
              <p className="mt-1 text-slate-700">{tr("exchange.nobody")}</p>
            )}
          </section>
          <section aria-labelledby="only-take" className="rounded-lg border border-slate-200 p-3">
            <h3 id="only-take" className="font-semibold">
              {tr("exchange.onlyTake")}
            </h3>
            {report.onlyTake.length ? (
              <ul className="mt-1 list-disc pl-6">
                {namesOf(report.onlyTake).map((n) => (
                  <li key={n}>{n}</li>
                ))}
              </ul>
            ) : (
              <p className="mt-1 text-slate-700">{tr("exchange.nobody")}</p>
            )}
          </section>
        </div>
        <ExpertiseNote />
      </section>

      <section aria-labelledby="matrix-title" className="card mt-6">
        <h2 id="matrix-title" className="text-xl font-semibold">
          {tr("exchange.matrixTitle")}
        </h2>
        <p className="mt-1 max-w-3xl text-slate-700">{tr("exchange.matrixIntro")}</p>
        {report.matrix.length === 0 ? (
          <p className="mt-4 text-slate-700">{tr("exchange.empty")}</p>
        ) : (
          <div className="mt-4 space-y-6">
            <div data-testid="exchange-heatmap">
              <Heatmap
                id="exchange-heatmap"
                title={tr("exchange.matrixTitle")}
                description={tr("exchange.matrixDesc", {
                  lender: biggest ? (name.get(biggest.lender) ?? "") : "",
                  borrower: biggest ? (name.get(biggest.borrower) ?? "") : "",
                  value: biggest ? money(biggest.value) : "",
                })}
                rowAxisLabel={tr("exchange.rowsAxis")}
                columnAxisLabel={tr("exchange.columnsAxis")}
                regionLabel={tr("exchange.scrollRegion")}
                parties={report.organisations.map((o) => ({ key: o.slug, name: o.name }))}
                cells={cells}
              />
            </div>
            <DataTable
              table={matrix}
              locale={locale}
              testId="matrix-table"
              caption={tr("exchange.matrixTableCaption")}
            />
          </div>
        )}
      </section>
      <Definitions keys={["exchange", "needsBoard", "valuation", "inKindPeriod"]} />
    </ReportFrame>
  );
}
