import { type SQL, sql } from "drizzle-orm";
import type { ReportPeriod } from "@/lib/domain/report-period";
import type { ReportScope } from "./report-input";
import { hoursOf, localDateOf, usage } from "./report-sql";

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
 */
export function valuedUsesCte(scope: ReportScope, period: ReportPeriod): SQL {
  const party = scope.organisationId
    ? sql`AND (r.organisation_id = ${scope.organisationId}::uuid OR u.borrower_id = ${scope.organisationId}::uuid)`
    : sql``;
  return sql`
    uses AS (
      SELECT u.use_id, u.resource_id, r.name AS resource_name, r.kind, r.organisation_id AS lender_id, u.borrower_id,
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
      WHERE ${localDateOf(sql`lower(u.period)`)} BETWEEN ${period.from}::date AND ${period.to}::date
        AND u.period && tstzrange((${period.from}::date - 1)::timestamp AT TIME ZONE 'Europe/Warsaw', (${period.to}::date + 2)::timestamp AT TIME ZONE 'Europe/Warsaw', '[)')
        AND r.organisation_id <> u.borrower_id
        ${party}
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
