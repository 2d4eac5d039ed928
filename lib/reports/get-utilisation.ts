import { type SQL, sql } from "drizzle-orm";
import type { Db } from "@/db/connect";
import { type Actor, assertCan } from "@/lib/auth/permissions";
import type { ReportPeriod } from "@/lib/domain/report-period";
import {
  periodsOf,
  type ReportScope,
  reportScope,
  type UtilisationGroup,
  type UtilisationInput,
  utilisationInputSchema,
} from "./report-input";
import { num, num0, periodRange, queryRows, usage } from "./report-sql";

export interface UtilisationRow {
  /** The resource id, the kind, or the organisation slug. */
  key: string;
  label: string;
  /** Approved and completed bookings overlapping the period. */
  bookings: number;
  /**
   * Booked hours inside the period. For a resource of several units, unit-hours divided by the units it has (60 of
   * 120 chairs for 4 hours is 2 hours), so that `bookedHours / availableHours` is the unit-hour utilisation.
   */
  bookedHours: number;
  /** Opening hours inside the period minus blackouts; every hour for a resource that is always open. */
  availableHours: number;
  /** `bookedHours / availableHours`, a fraction; null without available hours. */
  utilisation: number | null;
  /** Units × booked hours, and units owned × available hours. */
  bookedUnitHours: number;
  availableUnitHours: number;
  /** The same for the period of the same length just before. */
  previousUtilisation: number | null;
  /** `utilisation − previousUtilisation` (a fraction: 0.05 is 5 percentage points); null if either is null. */
  change: number | null;
  /** With `groupBy=resource`: what the resource is and whose. */
  kind?: "premises" | "equipment" | "expertise";
  units?: number;
  organisation?: { slug: string; name: string };
}

export interface UtilisationReport {
  from: string;
  to: string;
  previous: ReportPeriod;
  groupBy: UtilisationGroup;
  rows: UtilisationRow[];
  totals: Omit<UtilisationRow, "key" | "label" | "kind" | "units" | "organisation">;
}

const GROUPS: Record<UtilisationGroup, { key: string; label: string; extra: string }> = {
  resource: {
    key: "pr.id::text",
    label: "pr.name",
    extra: "pr.kind::text AS kind, pr.quantity AS units, pr.slug AS org_slug, pr.org_name",
  },
  kind: {
    key: "pr.kind::text",
    label: "pr.kind::text",
    extra: "NULL AS kind, NULL AS units, NULL AS org_slug, NULL AS org_name",
  },
  organisation: {
    key: "pr.slug",
    label: "pr.org_name",
    extra: "NULL AS kind, NULL AS units, NULL AS org_slug, NULL AS org_name",
  },
};

/**
 * Per-resource figures for the period and the one before it, grouped. Available time is built in SQL: the local
 * days of each period, each day's opening intervals placed on the real clock with `AT TIME ZONE` (so a clock-change
 * day has 23 or 25 hours), merged with `range_agg`, cut to the period, minus the union of blackouts (overlapping
 * blackouts subtract once). Booked time is each use cut to the period, times its units; equipment's only within its
 * available time, since a loan may run through closed hours and nobody could have borrowed it then.
 */
export function utilisationQuery(
  scope: ReportScope,
  current: ReportPeriod,
  previous: ReportPeriod,
  groupBy: UtilisationGroup,
  options: { below?: number } = {},
): SQL {
  const g = GROUPS[groupBy];
  const owned = scope.organisationId ? sql`r.organisation_id = ${scope.organisationId}::uuid` : sql`true`;
  const below =
    options.below === undefined
      ? sql``
      : sql`HAVING sum(pr.available_hours) > 0 AND sum(pr.booked_hours) / sum(pr.available_hours) < ${options.below}`;
  return sql`
    WITH bounds AS (
      SELECT which, from_date, to_date,
        tstzrange(from_date::timestamp AT TIME ZONE 'Europe/Warsaw', (to_date + 1)::timestamp AT TIME ZONE 'Europe/Warsaw', '[)') AS win
      FROM (VALUES ('current', ${current.from}::date, ${current.to}::date),
                   ('previous', ${previous.from}::date, ${previous.to}::date)) AS p(which, from_date, to_date)
    ),
    used AS (SELECT * FROM ${usage} AS u WHERE u.period && ${periodRange({ from: previous.from, to: current.to })}),
    res AS (
      SELECT r.id, r.kind, r.name, r.quantity, o.slug, o.name AS org_name
      FROM resources r JOIN organisations o ON o.id = r.organisation_id
      WHERE ${owned}
        AND (r.status = 'active' OR EXISTS (SELECT 1 FROM used u WHERE u.resource_id = r.id AND u.period && ${periodRange(current)}))
    ),
    open_parts AS (
      SELECT b.which, h.resource_id, tstzrange(t.s, greatest(t.s, t.e), '[)') AS part
      FROM bounds b
      CROSS JOIN LATERAL generate_series(0, b.to_date - b.from_date) AS g(n)
      JOIN opening_hours h ON h.weekday = extract(isodow FROM b.from_date + g.n)
      CROSS JOIN LATERAL (
        SELECT ((b.from_date + g.n) + h.start_time) AT TIME ZONE 'Europe/Warsaw' AS s,
               ((b.from_date + g.n) + h.end_time) AT TIME ZONE 'Europe/Warsaw' AS e
      ) AS t
      WHERE h.resource_id IN (SELECT id FROM res)
      UNION ALL
      SELECT b.which, res.id, b.win
      FROM bounds b CROSS JOIN res
      WHERE NOT EXISTS (SELECT 1 FROM opening_hours h WHERE h.resource_id = res.id)
    ),
    open_sets AS (
      SELECT which, resource_id, range_agg(part) AS open FROM open_parts GROUP BY which, resource_id
    ),
    closed_sets AS (
      SELECT b.which, bl.resource_id, range_agg(bl.period * b.win) AS closed
      FROM bounds b JOIN blackouts bl ON bl.period && b.win
      WHERE bl.resource_id IN (SELECT id FROM res)
      GROUP BY b.which, bl.resource_id
    ),
    avail_sets AS (
      SELECT os.which, os.resource_id,
        (os.open * tstzmultirange(b.win)) - coalesce(cs.closed, '{}'::tstzmultirange) AS avail
      FROM open_sets os
      JOIN bounds b ON b.which = os.which
      LEFT JOIN closed_sets cs ON cs.which = os.which AND cs.resource_id = os.resource_id
    ),
    available AS (
      SELECT a.which, a.resource_id,
        coalesce((SELECT sum(extract(epoch FROM upper(x) - lower(x))) FROM unnest(a.avail) AS x), 0) / 3600.0 AS hours
      FROM avail_sets a
    ),
    booked AS (
      -- Equipment may stay with a borrower through closed hours (it needs opening hours only to be handed over), so
      -- its booked time counts only within its available time; other kinds count their real time in the period.
      SELECT b.which, u.resource_id, count(*) AS bookings,
        sum(u.units * CASE WHEN res.kind = 'equipment'
          THEN coalesce((
            SELECT sum(extract(epoch FROM upper(x) - lower(x)))
            FROM unnest(tstzmultirange(u.period * b.win) * a.avail) AS x
          ), 0)
          ELSE extract(epoch FROM upper(u.period * b.win) - lower(u.period * b.win))
        END) / 3600.0 AS unit_hours
      FROM bounds b
      JOIN used u ON u.period && b.win
      JOIN res ON res.id = u.resource_id
      LEFT JOIN avail_sets a ON a.which = b.which AND a.resource_id = u.resource_id
      GROUP BY b.which, u.resource_id
    ),
    pr AS (
      SELECT res.*,
        coalesce(bc.bookings, 0) AS bookings,
        coalesce(bc.unit_hours, 0) AS booked_unit_hours,
        coalesce(bc.unit_hours, 0) / res.quantity AS booked_hours,
        coalesce(ac.hours, 0) AS available_hours,
        coalesce(ac.hours, 0) * res.quantity AS available_unit_hours,
        coalesce(bp.unit_hours, 0) / res.quantity AS prev_booked_hours,
        coalesce(ap.hours, 0) AS prev_available_hours
      FROM res
      LEFT JOIN booked bc ON bc.resource_id = res.id AND bc.which = 'current'
      LEFT JOIN booked bp ON bp.resource_id = res.id AND bp.which = 'previous'
      LEFT JOIN available ac ON ac.resource_id = res.id AND ac.which = 'current'
      LEFT JOIN available ap ON ap.resource_id = res.id AND ap.which = 'previous'
    ),
    grouped AS (
      SELECT ${sql.raw(g.key)} AS key, ${sql.raw(g.label)} AS label, ${sql.raw(g.extra)},
        sum(pr.bookings) AS bookings,
        sum(pr.booked_hours) AS booked_hours,
        sum(pr.available_hours) AS available_hours,
        sum(pr.booked_unit_hours) AS booked_unit_hours,
        sum(pr.available_unit_hours) AS available_unit_hours,
        sum(pr.prev_booked_hours) AS prev_booked_hours,
        sum(pr.prev_available_hours) AS prev_available_hours
      FROM pr
      GROUP BY ${sql.raw(g.key)}, ${sql.raw(g.label)}${sql.raw(groupBy === "resource" ? ", pr.kind, pr.quantity, pr.slug, pr.org_name" : "")}
      ${below}
    ),
    with_total AS (
      SELECT key, label, kind, units, org_slug, org_name, FALSE AS total, bookings, booked_hours, available_hours,
        booked_unit_hours, available_unit_hours, prev_booked_hours, prev_available_hours
      FROM grouped
      UNION ALL
      SELECT NULL, NULL, NULL, NULL, NULL, NULL, TRUE, coalesce(sum(bookings), 0), coalesce(sum(booked_hours), 0),
        coalesce(sum(available_hours), 0), coalesce(sum(booked_unit_hours), 0), coalesce(sum(available_unit_hours), 0),
        coalesce(sum(prev_booked_hours), 0), coalesce(sum(prev_available_hours), 0)
      FROM grouped
    ),
    ratios AS (
      SELECT *, booked_hours / nullif(available_hours, 0) AS utilisation,
        prev_booked_hours / nullif(prev_available_hours, 0) AS previous_utilisation
      FROM with_total
    )
    SELECT key, label, kind, units, org_slug, org_name, total, bookings::int AS bookings,
      round(booked_hours, 4)::float8 AS booked_hours, round(available_hours, 4)::float8 AS available_hours,
      round(booked_unit_hours, 4)::float8 AS booked_unit_hours,
      round(available_unit_hours, 4)::float8 AS available_unit_hours,
      round(utilisation, 4)::float8 AS utilisation, round(previous_utilisation, 4)::float8 AS previous_utilisation,
      round(utilisation - previous_utilisation, 4)::float8 AS change
    FROM ratios
    ORDER BY total, utilisation DESC NULLS LAST, label
  `;
}

interface Row {
  key: string | null;
  label: string | null;
  kind: UtilisationRow["kind"] | null;
  units: number | null;
  org_slug: string | null;
  org_name: string | null;
  total: boolean;
  bookings: number;
  booked_hours: number;
  available_hours: number;
  booked_unit_hours: number;
  available_unit_hours: number;
  utilisation: number | null;
  previous_utilisation: number | null;
  change: number | null;
}

function figures(r: Row) {
  return {
    bookings: num0(r.bookings),
    bookedHours: num0(r.booked_hours),
    availableHours: num0(r.available_hours),
    utilisation: num(r.utilisation),
    bookedUnitHours: num0(r.booked_unit_hours),
    availableUnitHours: num0(r.available_unit_hours),
    previousUtilisation: num(r.previous_utilisation),
    change: num(r.change),
  };
}

/** Runs `utilisationQuery` and shapes its rows; the last row of the query is the totals. */
export async function runUtilisation(
  db: Db,
  scope: ReportScope,
  current: ReportPeriod,
  previous: ReportPeriod,
  groupBy: UtilisationGroup,
  options: { below?: number } = {},
): Promise<Omit<UtilisationReport, "from" | "to" | "previous" | "groupBy">> {
  const rows = await queryRows<Row>(db, utilisationQuery(scope, current, previous, groupBy, options));
  const totalRow = rows.find((r) => r.total);
  return {
    rows: rows
      .filter((r) => !r.total)
      .map((r) => ({
        key: String(r.key),
        label: String(r.label),
        ...figures(r),
        ...(groupBy === "resource"
          ? {
              kind: r.kind ?? undefined,
              units: num0(r.units),
              organisation: { slug: String(r.org_slug), name: String(r.org_name) },
            }
          : {}),
      })),
    totals: totalRow
      ? figures(totalRow)
      : {
          bookings: 0,
          bookedHours: 0,
          availableHours: 0,
          utilisation: null,
          bookedUnitHours: 0,
          availableUnitHours: 0,
          previousUtilisation: null,
          change: null,
        },
  };
}

/**
 * Utilisation over a period, by resource, kind or owner organisation, with the change against the period of the
 * same length before it. The coordinator sees every partner's resources, an admin only its organisation's.
 */
export async function getUtilisation(db: Db, actor: Actor | null, input: UtilisationInput): Promise<UtilisationReport> {
  assertCan(actor, "reports.own");
  const q = utilisationInputSchema.parse(input);
  const scope = await reportScope(db, actor, q.organisation);
  const { current, previous } = periodsOf(q);
  const result = await runUtilisation(db, scope, current, previous, q.groupBy);
  return { from: current.from, to: current.to, previous, groupBy: q.groupBy, ...result };
}
