import { type SQL, sql } from "drizzle-orm";
import type { Db } from "@/db/connect";
import { type Actor, assertCan } from "@/lib/auth/permissions";
import type { ReportPeriod } from "@/lib/domain/report-period";
import { type InKindGroup, type InKindInput, inKindInputSchema, type ReportScope, reportScope } from "./report-input";
import { num0, queryRows } from "./report-sql";
import { NEEDS_BOARD_KIND, valuedUsesCte } from "./valuation-sql";

export type ResourceKind = "premises" | "equipment" | "expertise";
export type RateUnit = "hour" | "unit_day" | "volunteer_hour";

export interface InKindFigures {
  /** Uses of resources (bookings); needs-board engagements are counted in `needsBoard`. */
  bookings: number;
  /** Hours of premises, unit-days of equipment, volunteer hours of expertise and of the needs board. */
  premisesHours: number;
  equipmentUnitDays: number;
  volunteerHours: number;
  /** Wkład rzeczowy (premises and equipment) and osobowy (volunteer work: expertise and the needs board), PLN. */
  goodsValue: number;
  personalValue: number;
  value: number;
  /** Uses of resources with no rate valid on their date: not in `value`. */
  unvalued: number;
}

/** Volunteer work through the needs board, also included in `volunteerHours`, `personalValue` and `value`. */
export interface NeedsBoardFigures {
  engagements: number;
  hours: number;
  value: number;
  /** Engagements with no simple volunteer-hour rate valid on their date: not in `value`. */
  unvalued: number;
}

/** One line of the grant table for volunteer work through the needs board: one giving organisation at one rate. */
export interface NeedsBoardLine {
  lender: { slug: string; name: string };
  category: "volunteer_hour_simple";
  unit: "volunteer_hour";
  quantity: number;
  rate: number;
  value: number;
  engagements: number;
  source: string;
  validFrom: string;
}

export interface InKindRow extends InKindFigures {
  /** The lending organisation's slug, the normalised purpose, or the month `YYYY-MM`. */
  key: string;
  label: string;
}

/** One line of the grant application's table: one lender's resource at one rate. */
export interface InKindLine {
  lender: { slug: string; name: string };
  resource: { id: string; name: string; kind: ResourceKind };
  unit: RateUnit;
  quantity: number;
  rate: number;
  value: number;
  bookings: number;
  source: string;
  validFrom: string;
}

export interface UnvaluedResource {
  resource: { id: string; name: string; kind: ResourceKind };
  lender: { slug: string; name: string };
  bookings: number;
}

export interface InKindReport {
  from: string;
  to: string;
  groupBy: InKindGroup;
  rows: InKindRow[];
  totals: InKindFigures;
  lines: InKindLine[];
  unvalued: UnvaluedResource[];
  /** Help through the needs board (no resource): its totals, its grant-table lines, and work with no rate. */
  needsBoard: {
    totals: NeedsBoardFigures;
    lines: NeedsBoardLine[];
    unvalued: { lender: { slug: string; name: string }; engagements: number }[];
  };
}

const GROUPS: Record<InKindGroup, { key: string; label: string }> = {
  organisation: { key: "lender.slug", label: "lender.name" },
  purpose: { key: "lower(v.purpose)", label: "min(v.purpose)" },
  month: { key: "to_char(v.start_date, 'YYYY-MM')", label: "to_char(v.start_date, 'YYYY-MM')" },
};

const NB = sql.raw(`'${NEEDS_BOARD_KIND}'`);
const figuresSql = sql`
  (count(*) FILTER (WHERE v.kind <> ${NB}))::int AS bookings,
  coalesce(sum(v.quantity) FILTER (WHERE v.kind = 'premises'), 0) AS premises_hours,
  coalesce(sum(v.quantity) FILTER (WHERE v.kind = 'equipment'), 0) AS equipment_unit_days,
  coalesce(sum(v.quantity) FILTER (WHERE v.kind IN ('expertise', ${NB})), 0) AS volunteer_hours,
  coalesce(sum(v.value) FILTER (WHERE v.kind IN ('premises', 'equipment')), 0) AS goods_value,
  coalesce(sum(v.value) FILTER (WHERE v.kind IN ('expertise', ${NB})), 0) AS personal_value,
  coalesce(sum(v.value), 0) AS value,
  (count(*) FILTER (WHERE v.rate_id IS NULL AND v.kind <> ${NB}))::int AS unvalued,
  (count(*) FILTER (WHERE v.kind = ${NB}))::int AS nb_engagements,
  coalesce(sum(v.quantity) FILTER (WHERE v.kind = ${NB}), 0) AS nb_hours,
  coalesce(sum(v.value) FILTER (WHERE v.kind = ${NB}), 0) AS nb_value,
  (count(*) FILTER (WHERE v.rate_id IS NULL AND v.kind = ${NB}))::int AS nb_unvalued`;

function summaryQuery(scope: ReportScope, period: ReportPeriod, groupBy: InKindGroup): SQL {
  const g = GROUPS[groupBy];
  // Grouping by purpose, its label is any one spelling of it; by the others, the key determines the label.
  const groupCols = groupBy === "purpose" ? sql.raw(g.key) : sql.raw(`${g.key}, ${g.label}`);
  return sql`
    WITH ${valuedUsesCte(scope, period)}
    SELECT ${sql.raw(g.key)} AS key, ${sql.raw(g.label)} AS label, FALSE AS total, ${figuresSql}
    FROM valued v JOIN organisations lender ON lender.id = v.lender_id
    GROUP BY ${groupCols}
    UNION ALL
    SELECT NULL, NULL, TRUE, ${figuresSql}
    FROM valued v
    ORDER BY total, value DESC, label`;
}

function linesQuery(scope: ReportScope, period: ReportPeriod): SQL {
  return sql`
    WITH ${valuedUsesCte(scope, period)}
    SELECT lender.slug AS lender_slug, lender.name AS lender_name, v.resource_id, v.resource_name, v.kind, v.unit,
      count(*)::int AS bookings, round(sum(v.quantity), 2)::float8 AS quantity, v.amount, round(sum(v.value), 2) AS value,
      v.source, to_char(v.valid_from, 'YYYY-MM-DD') AS valid_from, v.rate_id IS NULL AS unvalued
    FROM valued v JOIN organisations lender ON lender.id = v.lender_id
    GROUP BY lender.slug, lender.name, v.resource_id, v.resource_name, v.kind, v.unit, v.rate_id, v.amount, v.source, v.valid_from
    ORDER BY lender.name, v.kind, v.resource_name, v.valid_from`;
}

interface FiguresRow {
  bookings: number;
  premises_hours: unknown;
  equipment_unit_days: unknown;
  volunteer_hours: unknown;
  goods_value: unknown;
  personal_value: unknown;
  value: unknown;
  unvalued: number;
  nb_engagements: number;
  nb_hours: unknown;
  nb_value: unknown;
  nb_unvalued: number;
}

const round2 = (v: unknown) => Math.round(num0(v) * 100) / 100;

function figures(r: FiguresRow): InKindFigures {
  return {
    bookings: num0(r.bookings),
    premisesHours: round2(r.premises_hours),
    equipmentUnitDays: round2(r.equipment_unit_days),
    volunteerHours: round2(r.volunteer_hours),
    goodsValue: round2(r.goods_value),
    personalValue: round2(r.personal_value),
    value: round2(r.value),
    unvalued: num0(r.unvalued),
  };
}

function needsBoardFigures(r: FiguresRow | undefined): NeedsBoardFigures {
  return {
    engagements: num0(r?.nb_engagements),
    hours: round2(r?.nb_hours),
    value: round2(r?.nb_value),
    unvalued: num0(r?.nb_unvalued),
  };
}

/**
 * The in-kind contribution (wkład niefinansowy) of the period: totals by lending organisation, purpose or month,
 * and the lines of a grant application's table (lender, resource, quantity, unit, rate, value, source of the rate).
 * A use counts once, whole, in the period where it starts; uses with no valid rate are listed apart. Volunteer work
 * through the needs board is in the totals (wkład osobowy) and has its own lines, one per giving organisation and rate.
 */
export async function getInKind(db: Db, actor: Actor | null, input: InKindInput): Promise<InKindReport> {
  assertCan(actor, "reports.own");
  const q = inKindInputSchema.parse(input);
  const scope = await reportScope(db, actor, q.organisation);
  const period = { from: q.from, to: q.to };
  const [summary, lineRows] = await Promise.all([
    queryRows<FiguresRow & { key: string | null; label: string | null; total: boolean }>(
      db,
      summaryQuery(scope, period, q.groupBy),
    ),
    queryRows<{
      lender_slug: string;
      lender_name: string;
      resource_id: string;
      resource_name: string;
      kind: ResourceKind | typeof NEEDS_BOARD_KIND;
      unit: RateUnit;
      bookings: number;
      quantity: number;
      amount: unknown;
      value: unknown;
      source: string | null;
      valid_from: string | null;
      unvalued: boolean;
    }>(db, linesQuery(scope, period)),
  ]);
  const totalRow = summary.find((r) => r.total);
  const lines: InKindLine[] = [];
  const unvalued: UnvaluedResource[] = [];
  const needsBoard: InKindReport["needsBoard"] = {
    totals: needsBoardFigures(totalRow),
    lines: [],
    unvalued: [],
  };
  for (const r of lineRows) {
    const lender = { slug: r.lender_slug, name: r.lender_name };
    if (r.kind === NEEDS_BOARD_KIND) {
      if (r.unvalued) needsBoard.unvalued.push({ lender, engagements: num0(r.bookings) });
      else
        needsBoard.lines.push({
          lender,
          category: "volunteer_hour_simple",
          unit: "volunteer_hour",
          quantity: num0(r.quantity),
          rate: num0(r.amount),
          value: round2(r.value),
          engagements: num0(r.bookings),
          source: r.source ?? "",
          validFrom: r.valid_from ?? "",
        });
      continue;
    }
    const resource = { id: r.resource_id, name: r.resource_name, kind: r.kind as ResourceKind };
    if (r.unvalued) {
      unvalued.push({ resource, lender, bookings: num0(r.bookings) });
      continue;
    }
    lines.push({
      lender,
      resource,
      unit: r.unit,
      quantity: num0(r.quantity),
      rate: num0(r.amount),
      value: round2(r.value),
      bookings: num0(r.bookings),
      source: r.source ?? "",
      validFrom: r.valid_from ?? "",
    });
  }
  return {
    from: q.from,
    to: q.to,
    groupBy: q.groupBy,
    rows: summary.filter((r) => !r.total).map((r) => ({ key: r.key ?? "", label: r.label ?? "", ...figures(r) })),
    totals: totalRow ? figures(totalRow) : figures({ bookings: 0, unvalued: 0 } as FiguresRow),
    lines,
    unvalued,
    needsBoard,
  };
}
