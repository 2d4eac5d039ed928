import type { Db } from "@/db/connect";
import { freeAndBusy, nearestFreeSlots } from "@/lib/domain/availability";
import { checkBookingRules } from "@/lib/domain/booking-rules";
import { openIntervals } from "@/lib/domain/opening-hours";
import type { Period, WeeklyInterval } from "@/lib/domain/types";
import { loadBlackouts, loadHoldings, type ResourceRow, rulesOf } from "@/lib/resources/booking-context";

const DAY = 86_400_000;

/** The three free slots of the same length nearest to the one that was taken, each passing every booking rule. */
export async function findAlternatives(
  db: Db,
  resource: ResourceRow,
  hours: WeeklyInterval[],
  wanted: Period,
  quantity: number,
  now: Date,
): Promise<Period[]> {
  const window = {
    start: new Date(Math.max(now.getTime(), wanted.start.getTime() - 7 * DAY)),
    end: new Date(wanted.end.getTime() + 14 * DAY),
  };
  if (window.end <= window.start) return [];
  const [holdings, blackoutRows] = await Promise.all([
    loadHoldings(db, resource.id, window),
    loadBlackouts(db, resource.id, window),
  ]);
  const blackouts = blackoutRows.map((b) => ({ start: b.start, end: b.end }));
  const { free } = freeAndBusy({
    window,
    open: openIntervals(hours, window),
    blackouts,
    holdings,
    capacity: resource.quantity,
    bufferMinutes: resource.bufferMinutes,
  });
  const rules = rulesOf(resource);
  return nearestFreeSlots({
    wanted,
    quantity,
    free,
    count: 3,
    accept: (period) => checkBookingRules({ period, quantity, now, rules, hours, blackouts }).length === 0,
  });
}
