import { sql } from "drizzle-orm";
import type { Db } from "@/db/connect";
import { bookings } from "@/db/schema";
import type { Period } from "@/lib/domain/types";

/**
 * A one-row LATERAL subquery `peak(held)`, correlated with the outer `resources` row (the table under its own name,
 * not aliased): the most units that pending or approved bookings hold at any instant of a booking of `window`,
 * counted the way the guard trigger (migration 0003) counts them: blocked periods (the booking plus the buffer after
 * it) against [from, to + buffer). The peak is the maximum of a running sum over start (+units) and end (−units)
 * points; the default RANGE frame sums all points of one instant together, so a booking ending when another starts
 * is not counted twice (periods are half-open). `period && [from − buffer, to + buffer)` follows from the
 * blocked-period test and lets the GiST index `bookings_period_idx (resource_id, period)` find the candidates.
 * Being an aggregate, PostgreSQL keeps it a join: the peak is computed once per resource, however often it is used.
 */
export function heldPeak(db: Db, window: Period) {
  const from = sql`${window.start.toISOString()}::timestamptz`;
  const to = sql`${window.end.toISOString()}::timestamptz`;
  // Written out qualified: inside, an unqualified `id` would be the booking's own id.
  const buffer = sql`make_interval(mins => "resources"."buffer_minutes")`;
  return db
    .select({ held: sql<number>`coalesce(max(ev.held), 0)::int`.mapWith(Number).as("held") })
    .from(sql`(
      SELECT sum(e.delta) OVER (ORDER BY e.at) AS held
      FROM ${bookings} b
      CROSS JOIN LATERAL (VALUES
        (greatest(lower(b.blocked_period), ${from}), b.quantity),
        (upper(b.blocked_period), -b.quantity)
      ) AS e(at, delta)
      WHERE b.resource_id = "resources"."id"
        AND b.status IN ('pending', 'approved')
        AND b.period && tstzrange(${from} - ${buffer}, ${to} + ${buffer}, '[)')
        AND b.blocked_period && tstzrange(${from}, ${to} + ${buffer}, '[)')
    ) AS ev`)
    .as("peak");
}
