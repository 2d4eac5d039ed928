import type { ExchangeReport } from "./get-exchange";
import type { FunnelReport } from "./get-funnel";
import type { InKindReport } from "./get-in-kind";
import type { UtilisationReport, UtilisationRow } from "./get-utilisation";

/**
 * The reports as plain tables: one shape for the page, CSV, XLSX and PDF, so every download holds exactly the
 * figures on screen. Values stay numbers; each writer formats them for its medium.
 */
export type CellType = "text" | "int" | "hours" | "quantity" | "percent" | "points" | "money";
export type Cell = string | number | null;

export interface Column {
  key: string;
  label: string;
  type: CellType;
}

export interface ReportTable {
  /** Stable id, also the file name part and the XLSX sheet. */
  id: string;
  title: string;
  /** A short name for the XLSX sheet (at most 31 characters). */
  sheet: string;
  columns: Column[];
  rows: Record<string, Cell>[];
  totals?: Record<string, Cell>;
}

/** A translator of full keys (`reports.columns.bookings`), from next-intl or `lib/i18n/translate`. */
export type Translate = (key: string, values?: Record<string, string | number>) => string;

const col = (t: Translate, key: string, type: CellType, label = t(`reports.columns.${key}`)): Column => ({
  key,
  label,
  type,
});

const figures = (r: Omit<UtilisationRow, "key" | "label">) => ({
  bookings: r.bookings,
  bookedHours: r.bookedHours,
  availableHours: r.availableHours,
  utilisation: r.utilisation,
  previousUtilisation: r.previousUtilisation,
  change: r.change,
});

export function utilisationTable(r: UtilisationReport, t: Translate): ReportTable {
  const byResource = r.groupBy === "resource";
  const label = (row: UtilisationRow) => (r.groupBy === "kind" ? t(`kinds.${row.key}`) : row.label);
  return {
    id: "utilisation",
    sheet: t("reports.export.sheets.utilisation"),
    title: t("reports.utilisation.title"),
    columns: [
      col(t, "label", "text", t(`reports.groupBy.${r.groupBy}`)),
      ...(byResource ? [col(t, "kind", "text"), col(t, "owner", "text"), col(t, "units", "int")] : []),
      col(t, "bookings", "int"),
      col(t, "bookedHours", "hours"),
      col(t, "availableHours", "hours"),
      col(t, "utilisation", "percent"),
      col(t, "previousUtilisation", "percent"),
      col(t, "change", "points"),
    ],
    rows: r.rows.map((row) => ({
      label: label(row),
      ...(byResource
        ? { kind: row.kind ? t(`kinds.${row.kind}`) : "", owner: row.organisation?.name ?? "", units: row.units ?? 1 }
        : {}),
      ...figures(row),
    })),
    totals: { label: t("reports.columns.total"), ...figures(r.totals) },
  };
}

export function exchangeTable(r: ExchangeReport, t: Translate): ReportTable {
  return {
    id: "exchange",
    sheet: t("reports.export.sheets.exchange"),
    title: t("reports.exchange.perOrganisation"),
    columns: [
      col(t, "organisation", "text"),
      col(t, "lentBookings", "int"),
      col(t, "lentHours", "hours"),
      col(t, "lentValue", "money"),
      col(t, "borrowedBookings", "int"),
      col(t, "borrowedHours", "hours"),
      col(t, "borrowedValue", "money"),
      col(t, "balance", "money"),
      col(t, "role", "text"),
      col(t, "lentNeedsBoardHours", "hours"),
      col(t, "borrowedNeedsBoardHours", "hours"),
    ],
    rows: r.organisations.map((o) => ({
      organisation: o.name,
      lentBookings: o.lentBookings,
      lentHours: o.lentHours,
      lentValue: o.lentValue,
      borrowedBookings: o.borrowedBookings,
      borrowedHours: o.borrowedHours,
      borrowedValue: o.borrowedValue,
      balance: o.balance,
      role: o.role ? t(`reports.roles.${o.role}`) : "",
      lentNeedsBoardHours: o.lentNeedsBoardHours,
      borrowedNeedsBoardHours: o.borrowedNeedsBoardHours,
    })),
  };
}

export function matrixTable(r: ExchangeReport, t: Translate): ReportTable {
  const name = new Map(r.organisations.map((o) => [o.slug, o.name]));
  return {
    id: "matrix",
    sheet: t("reports.export.sheets.matrix"),
    title: t("reports.exchange.matrixTitle"),
    columns: [
      col(t, "lender", "text"),
      col(t, "borrower", "text"),
      col(t, "bookings", "int"),
      col(t, "hours", "hours"),
      col(t, "value", "money"),
    ],
    rows: r.matrix.map((c) => ({
      lender: name.get(c.lender) ?? c.lender,
      borrower: name.get(c.borrower) ?? c.borrower,
      bookings: c.bookings,
      hours: c.hours,
      value: c.value,
    })),
    totals: {
      lender: t("reports.columns.total"),
      borrower: "",
      bookings: r.totals.bookings,
      hours: r.totals.hours,
      value: r.totals.value,
    },
  };
}

/** `month` names a month `YYYY-MM` (`marzec 2026`) when the summary is by month. */
export function inKindTable(r: InKindReport, t: Translate, month: (ym: string) => string = (ym) => ym): ReportTable {
  const label = (key: string, value: string) => {
    if (r.groupBy === "purpose" && key === "") return t("reports.inKind.noPurpose");
    return r.groupBy === "month" ? month(key) : value;
  };
  const figuresOf = (x: InKindReport["totals"]) => ({
    bookings: x.bookings,
    premisesHours: x.premisesHours,
    equipmentUnitDays: x.equipmentUnitDays,
    volunteerHours: x.volunteerHours,
    goodsValue: x.goodsValue,
    personalValue: x.personalValue,
    value: x.value,
    unvalued: x.unvalued,
  });
  return {
    id: "in-kind",
    sheet: t("reports.export.sheets.in-kind"),
    title: t("reports.inKind.summaryTitle"),
    columns: [
      col(t, "label", "text", t(`reports.inKindBy.${r.groupBy}`)),
      col(t, "bookings", "int"),
      col(t, "premisesHours", "quantity"),
      col(t, "equipmentUnitDays", "quantity"),
      col(t, "volunteerHours", "quantity"),
      col(t, "goodsValue", "money"),
      col(t, "personalValue", "money"),
      col(t, "value", "money"),
      col(t, "unvalued", "int"),
    ],
    rows: r.rows.map((row) => ({ label: label(row.key, row.label), ...figuresOf(row) })),
    totals: { label: t("reports.columns.total"), ...figuresOf(r.totals) },
  };
}

/**
 * The grant application's table: who contributes what, how much, at what rate and on what basis. `date` writes the
 * day a rate holds from (`1 stycznia 2026`). Help through the needs board follows the resources' lines, one line per
 * giving organisation and rate ("Pomoc z tablicy potrzeb"), so the total is the report's whole value.
 */
export function inKindLinesTable(r: InKindReport, t: Translate, date: (d: string) => string = (d) => d): ReportTable {
  return {
    id: "in-kind-lines",
    sheet: t("reports.export.sheets.in-kind-lines"),
    title: t("reports.inKind.linesTitle"),
    columns: [
      col(t, "no", "int"),
      col(t, "lender", "text"),
      col(t, "contribution", "text"),
      col(t, "resource", "text"),
      col(t, "quantity", "quantity"),
      col(t, "unit", "text"),
      col(t, "rate", "money"),
      col(t, "value", "money"),
      col(t, "basis", "text"),
    ],
    rows: [
      ...r.lines.map((l, i) => ({
        no: i + 1,
        lender: l.lender.name,
        contribution: t(l.resource.kind === "expertise" ? "reports.inKind.personal" : "reports.inKind.goods"),
        resource: `${l.resource.name} (${t(`kinds.${l.resource.kind}`)})`,
        quantity: l.quantity,
        unit: t(`reports.units.${l.unit}`),
        rate: l.rate,
        value: l.value,
        basis: t("reports.inKind.basis", { source: l.source, date: date(l.validFrom) }),
      })),
      ...r.needsBoard.lines.map((l, i) => ({
        no: r.lines.length + i + 1,
        lender: l.lender.name,
        contribution: t("reports.inKind.personal"),
        resource: t("reports.inKind.needsBoard"),
        quantity: l.quantity,
        unit: t(`reports.units.${l.unit}`),
        rate: l.rate,
        value: l.value,
        basis: t("reports.inKind.basis", { source: l.source, date: date(l.validFrom) }),
      })),
    ],
    totals: { lender: t("reports.columns.total"), value: r.totals.value },
  };
}

export function funnelTable(r: FunnelReport, t: Translate): ReportTable {
  const steps = ["requests", "approved", "declined", "cancelled", "expired", "pending"] as const;
  return {
    id: "funnel",
    sheet: t("reports.export.sheets.funnel"),
    title: t("reports.funnel.title"),
    columns: [col(t, "step", "text"), col(t, "count", "int"), col(t, "share", "percent")],
    rows: [
      ...steps.map((step) => ({
        step: t(`reports.funnel.steps.${step}`),
        count: r[step],
        share: r.requests ? r[step] / r.requests : null,
      })),
    ],
  };
}

export function decisionTable(r: FunnelReport, t: Translate): ReportTable {
  return {
    id: "decisions",
    sheet: t("reports.export.sheets.decisions"),
    title: t("reports.funnel.decisionTitle"),
    columns: [col(t, "measure", "text"), col(t, "count", "quantity")],
    rows: [
      { measure: t("reports.columns.decided"), count: r.decided },
      { measure: t("reports.columns.medianHours"), count: r.medianDecisionHours },
      { measure: t("reports.columns.instant"), count: r.instant },
    ],
  };
}

export function underusedTable(r: FunnelReport, t: Translate): ReportTable {
  return {
    id: "underused",
    sheet: t("reports.export.sheets.underused"),
    title: t("reports.funnel.underusedTitle"),
    columns: [
      col(t, "resource", "text"),
      col(t, "kind", "text"),
      col(t, "owner", "text"),
      col(t, "bookedHours", "hours"),
      col(t, "availableHours", "hours"),
      col(t, "utilisation", "percent"),
    ],
    rows: r.underused.map((u) => ({
      resource: u.label,
      kind: u.kind ? t(`kinds.${u.kind}`) : "",
      owner: u.organisation?.name ?? "",
      bookedHours: u.bookedHours,
      availableHours: u.availableHours,
      utilisation: u.utilisation,
    })),
  };
}
