import { TZDate } from "@date-fns/tz";
import { format } from "date-fns";
import { enGB, pl } from "date-fns/locale";
import { z } from "zod";
import type { Db } from "@/db/connect";
import { type Actor, assertCan } from "@/lib/auth/permissions";
import { TIME_ZONE } from "@/lib/domain/wall-clock";
import { toCsv } from "./export/csv";
import { toPdf } from "./export/pdf";
import { type ReportMeta, toXlsx } from "./export/xlsx";
import { getExchange } from "./get-exchange";
import { getFunnel } from "./get-funnel";
import { getInKind } from "./get-in-kind";
import { getUtilisation } from "./get-utilisation";
import { IN_KIND_GROUPS, periodsOf, reportPeriodSchema, reportScope, UTILISATION_GROUPS } from "./report-input";
import {
  decisionTable,
  exchangeTable,
  funnelTable,
  inKindLinesTable,
  inKindTable,
  matrixTable,
  type ReportTable,
  type Translate,
  underusedTable,
  utilisationTable,
} from "./report-tables";

/** Each report's tables, and the file name part of each (ASCII, Polish words). */
export const EXPORT_REPORTS = {
  utilisation: "wykorzystanie",
  exchange: "wymiana",
  matrix: "wymiana-macierz",
  "in-kind": "wklad-niefinansowy",
  "in-kind-lines": "wklad-niefinansowy-zestawienie",
  funnel: "prosby",
  decisions: "decyzje",
  underused: "niewykorzystane",
  all: "raporty",
} as const;
export type ExportReport = keyof typeof EXPORT_REPORTS;
export const EXPORT_FORMATS = ["csv", "xlsx", "pdf"] as const;

const blank = (v: unknown) => (v === "" ? undefined : v);

export const exportInputSchema = z
  .object({
    report: z.preprocess(blank, z.enum(Object.keys(EXPORT_REPORTS) as [ExportReport], "invalid").default("all")),
    format: z.preprocess(blank, z.enum(EXPORT_FORMATS, "invalid").default("xlsx")),
    groupBy: z.preprocess(blank, z.enum(UTILISATION_GROUPS, "invalid").default("resource")),
    by: z.preprocess(blank, z.enum(IN_KIND_GROUPS, "invalid").default("organisation")),
  })
  .superRefine((v, ctx) => {
    // A CSV file holds one table.
    if (v.format === "csv" && v.report === "all")
      ctx.addIssue({ code: "custom", path: ["report"], message: "invalid" });
  });
export type ExportInput = z.input<typeof exportInputSchema> & { from?: unknown; to?: unknown; organisation?: unknown };

/** `1 marca 2026` for a local date `2026-03-01`. */
export function formatLocalDate(date: string, locale: "pl" | "en"): string {
  return format(new Date(`${date}T12:00:00Z`), "d MMMM yyyy", { locale: locale === "pl" ? pl : enGB });
}

/** `marzec 2026` for a month `2026-03`. */
export function formatMonth(month: string, locale: "pl" | "en"): string {
  return format(new Date(`${month}-15T12:00:00Z`), "LLLL yyyy", { locale: locale === "pl" ? pl : enGB });
}

const CONTENT_TYPES = {
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  pdf: "application/pdf",
} as const;

export interface ExportFile {
  fileName: string;
  contentType: string;
  body: Uint8Array | string;
}

const needs = (report: ExportReport, ...names: ExportReport[]) => report === "all" || names.includes(report);

/**
 * One report, or all of them, as a CSV (one table), XLSX (a cover sheet and a sheet per table) or PDF file, with the
 * same figures and the same access rules as the pages: the use-cases below check the actor themselves.
 */
export async function exportReport(
  db: Db,
  actor: Actor | null,
  input: ExportInput,
  options: { locale: "pl" | "en"; t: Translate; now?: Date },
): Promise<ExportFile> {
  assertCan(actor, "reports.own");
  const { locale, t } = options;
  const period = reportPeriodSchema.parse(input);
  const q = exportInputSchema.parse(input);
  const scope = await reportScope(db, actor, period.organisation);
  const base = { from: period.from, to: period.to, organisation: period.organisation };

  const tables: ReportTable[] = [];
  const notes: string[] = [];
  if (needs(q.report, "utilisation")) {
    const r = await getUtilisation(db, actor, { ...base, groupBy: q.groupBy });
    tables.push(utilisationTable(r, t));
    notes.push(
      ...(["booked", "available", "units", "expertise", "clock", "needsBoard"] as const).map((k) =>
        t(`reports.definitions.${k}`),
      ),
    );
  }
  if (needs(q.report, "exchange", "matrix")) {
    const r = await getExchange(db, actor, base);
    if (needs(q.report, "exchange")) tables.push(exchangeTable(r, t));
    if (needs(q.report, "matrix")) tables.push(matrixTable(r, t));
    notes.push(t("reports.definitions.exchange"), t("reports.definitions.needsBoard"));
  }
  if (needs(q.report, "in-kind", "in-kind-lines")) {
    const r = await getInKind(db, actor, { ...base, groupBy: q.by });
    if (needs(q.report, "in-kind")) tables.push(inKindTable(r, t, (m) => formatMonth(m, locale)));
    if (needs(q.report, "in-kind-lines")) tables.push(inKindLinesTable(r, t, (d) => formatLocalDate(d, locale)));
    notes.push(
      t("reports.definitions.valuation"),
      t("reports.definitions.inKindPeriod"),
      t("reports.definitions.needsBoard"),
    );
  }
  if (needs(q.report, "funnel", "decisions", "underused")) {
    const r = await getFunnel(db, actor, base);
    if (needs(q.report, "funnel")) tables.push(funnelTable(r, t));
    if (needs(q.report, "decisions")) tables.push(decisionTable(r, t));
    if (needs(q.report, "underused")) tables.push(underusedTable(r, t));
  }

  const now = options.now ?? new Date();
  const { previous } = periodsOf(period);
  const meta: ReportMeta = {
    partnership: t("reports.partnership"),
    title: t(`reports.export.titles.${q.report}`),
    coverSheet: t("reports.export.sheets.cover"),
    facts: [
      {
        label: t("reports.export.period"),
        value: `${formatLocalDate(period.from, locale)} – ${formatLocalDate(period.to, locale)}`,
      },
      ...(needs(q.report, "utilisation")
        ? [
            {
              label: t("reports.export.previous"),
              value: `${formatLocalDate(previous.from, locale)} – ${formatLocalDate(previous.to, locale)}`,
            },
          ]
        : []),
      {
        label: t("reports.export.scope"),
        value: scope.organisation ? scope.organisation.name : t("reports.scope.all"),
      },
      {
        label: t("reports.export.generated"),
        value: format(new TZDate(now, TIME_ZONE), "d MMMM yyyy, HH:mm", { locale: locale === "pl" ? pl : enGB }),
      },
    ],
    notes: [...new Set(notes)],
  };

  const fileName = `${EXPORT_REPORTS[q.report]}_${period.from}_${period.to}.${q.format}`;
  if (q.format === "csv") return { fileName, contentType: CONTENT_TYPES.csv, body: toCsv(tables[0]) };
  if (q.format === "xlsx") return { fileName, contentType: CONTENT_TYPES.xlsx, body: await toXlsx(tables, meta) };
  const body = await toPdf(tables, meta, {
    locale,
    pageLabel: (page, pages) => t("reports.export.page", { page, pages }),
    emptyText: t("reports.export.empty"),
  });
  return { fileName, contentType: CONTENT_TYPES.pdf, body };
}
