import { type SQL, sql } from "drizzle-orm";
import type { Db } from "@/db/connect";
import { type Actor, assertCan } from "@/lib/auth/permissions";
import type { ReportPeriod } from "@/lib/domain/report-period";
import { type ReportPeriodInput, type ReportScope, reportPeriodSchema, reportScope } from "./report-input";
import { num0, queryRows } from "./report-sql";
import { NEEDS_BOARD_KIND, valuedUsesCte } from "./valuation-sql";

/** `gives`: lent and borrowed nothing; `takes`: the reverse; null where the scope shows only part of its exchange. */
export type ExchangeRole = "gives" | "takes" | "both" | "none";

/**
 * Bookings count uses of resources; hours and values also hold volunteer work through the needs board (given by the
 * volunteer's organisation, taken by the need's poster), whose part the `…Engagements`/`…NeedsBoard…` fields show.
 */
export interface ExchangeOrganisation {
  slug: string;
  name: string;
  lentBookings: number;
  lentHours: number;
  lentValue: number;
  borrowedBookings: number;
  borrowedHours: number;
  borrowedValue: number;
  /** Needs-board engagements whose confirmed hours this organisation's volunteers gave, their hours and value. */
  lentEngagements: number;
  lentNeedsBoardHours: number;
  lentNeedsBoardValue: number;
  /** Needs-board engagements this organisation received (it posted the need). */
  borrowedEngagements: number;
  borrowedNeedsBoardHours: number;
  borrowedNeedsBoardValue: number;
  /** Value lent minus value borrowed, PLN. */
  balance: number;
  role: ExchangeRole | null;
}

export interface ExchangeCell {
  lender: string;
  borrower: string;
  bookings: number;
  hours: number;
  value: number;
}

export interface ExchangeReport {
  from: string;
  to: string;
  organisations: ExchangeOrganisation[];
  /** Who lent to whom: only pairs with at least one use. */
  matrix: ExchangeCell[];
  onlyGive: string[];
  onlyTake: string[];
  totals: {
    bookings: number;
    hours: number;
    value: number;
    engagements: number;
    needsBoardHours: number;
    needsBoardValue: number;
  };
  /** The needs board's part of `matrix`: who gave volunteer work to whom (`bookings` there are engagements). */
  needsBoard: { lender: string; borrower: string; engagements: number; hours: number; value: number }[];
}

const NB = sql.raw(`'${NEEDS_BOARD_KIND}'`);
const flowsCte = sql`
  flows AS (
    SELECT lender_id, borrower_id, GROUPING(lender_id) AS no_lender, GROUPING(borrower_id) AS no_borrower,
      (count(*) FILTER (WHERE kind <> ${NB}))::int AS bookings, round(sum(hours), 4)::float8 AS hours,
      round(coalesce(sum(value), 0), 2) AS value,
      (count(*) FILTER (WHERE kind = ${NB}))::int AS engagements,
      round(coalesce(sum(hours) FILTER (WHERE kind = ${NB}), 0), 4)::float8 AS nb_hours,
      round(coalesce(sum(value) FILTER (WHERE kind = ${NB}), 0), 2) AS nb_value
    FROM valued
    GROUP BY GROUPING SETS ((lender_id, borrower_id), (lender_id), (borrower_id), ())
  )`;

function organisationsQuery(scope: ReportScope, period: ReportPeriod): SQL {
  // The whole partnership: every active partner, even one with no exchange. One organisation: itself and those it
  // exchanged with; the others' roles are unknown from that part of their exchange.
  const listed = scope.organisationId
    ? sql`o.id = ${scope.organisationId}::uuid OR lent.bookings IS NOT NULL OR borrowed.bookings IS NOT NULL`
    : sql`o.status = 'active' OR lent.bookings IS NOT NULL OR borrowed.bookings IS NOT NULL`;
  const roleKnown = scope.organisationId ? sql`o.id = ${scope.organisationId}::uuid` : sql`true`;
  return sql`
    WITH ${valuedUsesCte(scope, period)}, ${flowsCte}
    SELECT * FROM (
    SELECT o.slug, o.name,
      coalesce(lent.bookings, 0) AS lent_bookings, coalesce(lent.hours, 0) AS lent_hours,
      coalesce(lent.value, 0) AS lent_value,
      coalesce(borrowed.bookings, 0) AS borrowed_bookings, coalesce(borrowed.hours, 0) AS borrowed_hours,
      coalesce(borrowed.value, 0) AS borrowed_value,
      coalesce(lent.value, 0) - coalesce(borrowed.value, 0) AS balance,
      coalesce(lent.engagements, 0) AS lent_engagements, coalesce(lent.nb_hours, 0) AS lent_nb_hours,
      coalesce(lent.nb_value, 0) AS lent_nb_value,
      coalesce(borrowed.engagements, 0) AS borrowed_engagements, coalesce(borrowed.nb_hours, 0) AS borrowed_nb_hours,
      coalesce(borrowed.nb_value, 0) AS borrowed_nb_value,
      CASE WHEN NOT (${roleKnown}) THEN NULL
           WHEN lent.bookings IS NOT NULL AND borrowed.bookings IS NOT NULL THEN 'both'
           WHEN lent.bookings IS NOT NULL THEN 'gives'
           WHEN borrowed.bookings IS NOT NULL THEN 'takes'
           ELSE 'none' END AS role
    FROM organisations o
    LEFT JOIN flows lent ON lent.lender_id = o.id AND lent.no_lender = 0 AND lent.no_borrower = 1
    LEFT JOIN flows borrowed ON borrowed.borrower_id = o.id AND borrowed.no_lender = 1 AND borrowed.no_borrower = 0
    WHERE ${listed}
    UNION ALL
    SELECT NULL, NULL, bookings, hours, value, 0, 0, 0, 0, engagements, nb_hours, nb_value, 0, 0, 0, 'total'
    FROM flows WHERE no_lender = 1 AND no_borrower = 1
    ) AS listed
    ORDER BY role = 'total', name`;
}

function matrixQuery(scope: ReportScope, period: ReportPeriod): SQL {
  return sql`
    WITH ${valuedUsesCte(scope, period)}, ${flowsCte}
    SELECT lender.slug AS lender, borrower.slug AS borrower, f.bookings, f.hours, f.value,
      f.engagements, f.nb_hours, f.nb_value
    FROM flows f
    JOIN organisations lender ON lender.id = f.lender_id
    JOIN organisations borrower ON borrower.id = f.borrower_id
    WHERE f.no_lender = 0 AND f.no_borrower = 0
    ORDER BY lender.name, borrower.name`;
}

interface OrganisationRow {
  slug: string | null;
  name: string | null;
  lent_bookings: number;
  lent_hours: number;
  lent_value: unknown;
  borrowed_bookings: number;
  borrowed_hours: number;
  borrowed_value: unknown;
  balance: unknown;
  lent_engagements: number;
  lent_nb_hours: unknown;
  lent_nb_value: unknown;
  borrowed_engagements: number;
  borrowed_nb_hours: unknown;
  borrowed_nb_value: unknown;
  role: ExchangeRole | "total" | null;
}

/**
 * The exchange between partners in a period: per organisation what it lent and borrowed (uses, hours, value at the
 * rate cards), who lent to whom, and the partners that only give or only take. Confirmed volunteer work through the
 * needs board counts as given by the volunteer's organisation and taken by the need's poster. A use counts in the
 * period where it starts. An admin sees only the exchange its organisation is party to.
 */
export async function getExchange(db: Db, actor: Actor | null, input: ReportPeriodInput): Promise<ExchangeReport> {
  assertCan(actor, "reports.own");
  const q = reportPeriodSchema.parse(input);
  const scope = await reportScope(db, actor, q.organisation);
  const period = { from: q.from, to: q.to };
  const [orgRows, cells] = await Promise.all([
    queryRows<OrganisationRow>(db, organisationsQuery(scope, period)),
    queryRows<{
      lender: string;
      borrower: string;
      bookings: number;
      hours: number;
      value: unknown;
      engagements: number;
      nb_hours: unknown;
      nb_value: unknown;
    }>(db, matrixQuery(scope, period)),
  ]);
  const organisations: ExchangeOrganisation[] = orgRows
    .filter((r) => r.role !== "total")
    .map((r) => ({
      slug: String(r.slug),
      name: String(r.name),
      lentBookings: num0(r.lent_bookings),
      lentHours: num0(r.lent_hours),
      lentValue: num0(r.lent_value),
      borrowedBookings: num0(r.borrowed_bookings),
      borrowedHours: num0(r.borrowed_hours),
      borrowedValue: num0(r.borrowed_value),
      balance: num0(r.balance),
      lentEngagements: num0(r.lent_engagements),
      lentNeedsBoardHours: num0(r.lent_nb_hours),
      lentNeedsBoardValue: num0(r.lent_nb_value),
      borrowedEngagements: num0(r.borrowed_engagements),
      borrowedNeedsBoardHours: num0(r.borrowed_nb_hours),
      borrowedNeedsBoardValue: num0(r.borrowed_nb_value),
      role: r.role === "total" ? null : r.role,
    }));
  const total = orgRows.find((r) => r.role === "total");
  return {
    from: q.from,
    to: q.to,
    organisations,
    matrix: cells.map((c) => ({
      lender: c.lender,
      borrower: c.borrower,
      bookings: num0(c.bookings),
      hours: num0(c.hours),
      value: num0(c.value),
    })),
    onlyGive: organisations.filter((o) => o.role === "gives").map((o) => o.slug),
    onlyTake: organisations.filter((o) => o.role === "takes").map((o) => o.slug),
    totals: {
      bookings: num0(total?.lent_bookings),
      hours: num0(total?.lent_hours),
      value: num0(total?.lent_value),
      engagements: num0(total?.lent_engagements),
      needsBoardHours: num0(total?.lent_nb_hours),
      needsBoardValue: num0(total?.lent_nb_value),
    },
    needsBoard: cells
      .filter((c) => num0(c.engagements) > 0)
      .map((c) => ({
        lender: c.lender,
        borrower: c.borrower,
        engagements: num0(c.engagements),
        hours: num0(c.nb_hours),
        value: num0(c.nb_value),
      })),
  };
}
