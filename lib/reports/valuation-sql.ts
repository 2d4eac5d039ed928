import { type SQL, sql } from "drizzle-orm";
import type { ReportPeriod } from "@/lib/domain/report-period";
import type { ReportScope } from "./report-input";
import { hoursOf, localDateOf, needsBoardWork, usage } from "./report-sql";

/** The `kind` of a use that is volunteer work through the needs board (no resource). */
export const NEEDS_BOARD_KIND = "needs_board" as const;

/**
 * Every use of one partner's resource by another partner that starts in the period (by its local start date), valued
 * at the rate card valid on that date: the resource's own rate first, else its category's. One row per use:
 *
 * use_id, resource_id, resource_name, kind, lender_id, borrower_id, purpose, start_date, hours (real elapsed),
 * units, category, unit, quantity (what the rate multiplies), rate_id, amount, source, valid_from, value (null
 * without a rate).
 *
 * Quantity: premises and expertise `units × hours` (volunteer hours for expertise); equipment
 * `units × started days`, a day being a 24-hour block of the booking's real duration, at least one.
 * A use by the owner itself is not an exchange and is left out. With a scope of one organisation, only uses it is
 * party to (as lender or borrower).
 *
 * Volunteer work through the needs board (`needsBoardWork`) is in the same rows with `kind` = `needs_board`, no
 * resource, the volunteer's organisation as lender and the need's poster as borrower, valued as simple volunteer work
 * (`volunteer_hour_simple`, the category's rate valid on the local start date): confirmed hours × rate.
 */
export function valuedUsesCte(scope: ReportScope, period: ReportPeriod): SQL {
  const party = (lender: SQL, borrower: SQL) =>
    scope.organisationId
      ? sql`AND (${lender} = ${scope.organisationId}::uuid OR ${borrower} = ${scope.organisationId}::uuid)`
      : sql``;
  // Counted where it starts (local date); the overlap with the period widened by a day each side lets an index help.
  const startsInPeriod = (range: SQL) => sql`
    ${localDateOf(sql`lower(${range})`)} BETWEEN ${period.from}::date AND ${period.to}::date
    AND ${range} && tstzrange((${period.from}::date - 1)::timestamp AT TIME ZONE 'Europe/Warsaw', (${period.to}::date + 2)::timestamp AT TIME ZONE 'Europe/Warsaw', '[)')`;
  return sql`
    uses AS (
      SELECT u.use_id, u.resource_id, r.name AS resource_name, r.kind::text AS kind, r.organisation_id AS lender_id,
        u.borrower_id,
        btrim(regexp_replace(u.purpose, '\\s+', ' ', 'g')) AS purpose,
        ${localDateOf(sql`lower(u.period)`)} AS start_date,
        ${hoursOf(sql`u.period`)} AS hours,
        u.units,
        (CASE r.kind
          WHEN 'premises' THEN 'premises_hour'
          WHEN 'equipment' THEN 'equipment_unit_day'
          ELSE CASE WHEN sp.resource_id IS NULL THEN 'volunteer_hour_simple' ELSE 'volunteer_hour_specialist' END
        END)::rate_category AS category,
        (CASE r.kind WHEN 'premises' THEN 'hour' WHEN 'equipment' THEN 'unit_day' ELSE 'volunteer_hour' END)::in_kind_unit AS unit
      FROM ${usage} AS u
      JOIN resources r ON r.id = u.resource_id
      LEFT JOIN specialist_resources sp ON sp.resource_id = r.id
      WHERE ${startsInPeriod(sql`u.period`)}
        AND r.organisation_id <> u.borrower_id
        ${party(sql`r.organisation_id`, sql`u.borrower_id`)}
      UNION ALL
      SELECT w.use_id, NULL::uuid, NULL::text, ${sql.raw(`'${NEEDS_BOARD_KIND}'`)}::text, w.giver_id, w.receiver_id,
        btrim(regexp_replace(w.purpose, '\\s+', ' ', 'g')),
        ${localDateOf(sql`lower(w.period)`)},
        ${hoursOf(sql`w.period`)},
        w.units,
        'volunteer_hour_simple'::rate_category,
        'volunteer_hour'::in_kind_unit
      FROM ${needsBoardWork} AS w
      WHERE ${startsInPeriod(sql`w.period`)}
        AND w.giver_id <> w.receiver_id
        ${party(sql`w.giver_id`, sql`w.receiver_id`)}
    ),
    valued AS (
      SELECT uses.*, rate.id AS rate_id, rate.amount, rate.source, rate.valid_from,
        (CASE WHEN uses.kind = 'equipment' THEN uses.units * greatest(1, ceil(uses.hours / 24))
              ELSE uses.units * uses.hours END) AS quantity,
        (CASE WHEN uses.kind = 'equipment' THEN uses.units * greatest(1, ceil(uses.hours / 24))
              ELSE uses.units * uses.hours END) * rate.amount AS value
      FROM uses
      LEFT JOIN LATERAL (
        SELECT rc.id, rc.amount, rc.source, rc.valid_from
        FROM rate_cards rc
        WHERE rc.valid_from <= uses.start_date
          AND (rc.resource_id = uses.resource_id OR (rc.resource_id IS NULL AND rc.category = uses.category))
        ORDER BY (rc.resource_id IS NOT NULL) DESC, rc.valid_from DESC, rc.created_at DESC
        LIMIT 1
      ) AS rate ON true
    )`;
}
