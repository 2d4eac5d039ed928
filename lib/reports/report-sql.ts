import { type SQL, sql } from "drizzle-orm";
import type { Db } from "@/db/connect";
import type { ReportPeriod } from "@/lib/domain/report-period";
import { rowsOf } from "@/lib/resources/booking-context";

/**
 * SQL shared by the reports. Every figure is aggregated by the database; these fragments only name the period,
 * the use of resources and the numbers' types.
 */

/** `[from 00:00, day after to 00:00)` in Europe/Warsaw as a tstzrange: 23 or 25 real hours on a clock-change day. */
export const periodRange = (p: ReportPeriod): SQL =>
  sql`tstzrange((${p.from}::date)::timestamp AT TIME ZONE 'Europe/Warsaw', (${p.to}::date + 1)::timestamp AT TIME ZONE 'Europe/Warsaw', '[)')`;

/** The local (Europe/Warsaw) calendar date of an instant. */
export const localDateOf = (instant: SQL): SQL => sql`(${instant} AT TIME ZONE 'Europe/Warsaw')::date`;

/** Real elapsed hours of a bounded tstzrange, as numeric (exact for whole seconds). */
export const hoursOf = (range: SQL): SQL => sql`(extract(epoch FROM upper(${range}) - lower(${range})) / 3600.0)`;

/**
 * Expertise used: confirmed volunteer hours (issue 4), one row per engagement from a request for an offer whose hours
 * the receiving organisation confirmed. Recorded, disputed or missing hours, and cancelled engagements, do not count;
 * a request with no volunteers assigned is not use either. `period` starts when the work started and lasts the
 * confirmed hours (so "hours × units" is the confirmed hours, `units` = 1 person); `borrower_id` is the receiving
 * organisation. Engagements from the needs board have no resource: they are `needsBoardWork`, valued as volunteer work
 * (in-kind, exchange) but not resource use (utilisation).
 */
const expertiseUse = sql`
  SELECT e.id AS use_id, b.resource_id, e.receiving_organisation_id AS borrower_id,
    tstzrange(lower(e.period), lower(e.period) + e.hours * interval '1 hour', '[)') AS period,
    1 AS units, b.purpose
  FROM engagements e JOIN bookings b ON b.id = e.booking_id JOIN resources r ON r.id = b.resource_id
  WHERE e.status = 'active' AND e.hours_status = 'confirmed' AND r.kind = 'expertise'`;

/**
 * Volunteer work arranged through the needs board: one row per engagement of an accepted answer whose hours the need's
 * poster confirmed, with the same rules as `expertiseUse` (recorded, disputed or missing hours, and cancelled
 * engagements, do not count; `period` starts when the work started and lasts the confirmed hours). `giver_id` is the
 * volunteer's organisation, `receiver_id` the organisation that posted the need; `purpose` is the need's title.
 */
export const needsBoardWork = sql`(
  SELECT e.id AS use_id, e.organisation_id AS giver_id, e.receiving_organisation_id AS receiver_id,
    tstzrange(lower(e.period), lower(e.period) + e.hours * interval '1 hour', '[)') AS period,
    1 AS units, n.title AS purpose
  FROM engagements e JOIN need_answers a ON a.id = e.need_answer_id JOIN needs n ON n.id = a.need_id
  WHERE e.need_answer_id IS NOT NULL AND e.status = 'active' AND e.hours_status = 'confirmed'
)`;

/**
 * What was used: one row per use of a resource (use_id, resource_id, borrower_id, period, units, purpose).
 * Premises and equipment: approved and completed bookings — pending, declined, cancelled and expired ones are not
 * use. Expertise: confirmed volunteer hours, see `expertiseUse`. The only place reports read bookings as use.
 */
export const usage = sql`(
  SELECT b.id AS use_id, b.resource_id, b.organisation_id AS borrower_id, b.period, b.quantity AS units, b.purpose
  FROM bookings b JOIN resources r ON r.id = b.resource_id
  WHERE b.status IN ('approved', 'completed') AND r.kind <> 'expertise'
  UNION ALL
  ${expertiseUse}
)`;

/** Rows of a report query, whichever driver answered. */
export async function queryRows<T>(db: Db, query: SQL): Promise<T[]> {
  return rowsOf<T>(await db.execute(query));
}

/** A numeric or float column as a number (null stays null). */
export const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));
export const num0 = (v: unknown): number => (v === null || v === undefined ? 0 : Number(v));
