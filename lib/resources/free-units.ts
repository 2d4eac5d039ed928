import { type SQL, sql } from "drizzle-orm";
import { bookings, resources } from "@/db/schema";
import type { Period } from "@/lib/domain/types";

/**
 * A subquery `peak(resource_id, held)` for all resources at once: the most units that pending or approved bookings
 * hold at any instant of a booking of `window`, per resource with any such booking (none held: no row). Counted the
 * way the guard trigger (migration 0003) counts them: blocked periods (the booking plus the buffer after it) against
 * [from, to + buffer). The peak is the maximum of a running sum over start (+units) and end (−units) points per
 * resource; the default RANGE frame sums all points of one instant together, so a booking ending when another starts
 * is not counted twice (periods are half-open).
 *
 * One scan of the partial GiST index `bookings_holding_blocked_idx (blocked_period)` finds every holding booking near
 * the window: its bound uses the longest buffer of any resource, and the join then applies each resource's own
 * buffer. (Probing `bookings_period_idx` once per candidate resource cost a thousand index descents a search.)
 */
export function heldPeaks(window: Period): SQL {
  const from = sql`${window.start.toISOString()}::timestamptz`;
  const to = sql`${window.end.toISOString()}::timestamptz`;
  return sql`(
    SELECT ev.resource_id, max(ev.held)::int AS held
    FROM (
      SELECT b.resource_id, sum(e.delta) OVER (PARTITION BY b.resource_id ORDER BY e.at) AS held
      FROM ${bookings} b
      JOIN ${resources} r ON r.id = b.resource_id
      CROSS JOIN LATERAL (VALUES
        (greatest(lower(b.blocked_period), ${from}), b.quantity),
        (upper(b.blocked_period), -b.quantity)
      ) AS e(at, delta)
      WHERE b.status IN ('pending', 'approved')
        AND b.blocked_period && tstzrange(${from}, ${to} + make_interval(mins => (SELECT coalesce(max(buffer_minutes), 0) FROM ${resources})), '[)')
        AND b.blocked_period && tstzrange(${from}, ${to} + make_interval(mins => r.buffer_minutes), '[)')
    ) AS ev
    GROUP BY ev.resource_id
  ) AS peak`;
}
