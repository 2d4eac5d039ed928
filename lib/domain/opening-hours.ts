import type { Period } from "./period";
import { clipPeriods, mergePeriods } from "./period-set";
import type { WeeklyInterval } from "./types";
import { addLocalDays, daysBetween, localDate, localInstant, parseClock, TIME_ZONE, weekdayOfDate } from "./wall-clock";

export type WeeklyHoursProblem = "bad_time" | "end_before_start" | "overlap";

/**
 * The instants of `window` when a resource with weekly wall-clock `hours` is open: sorted, disjoint, with
 * touching intervals joined (Mon 16:00–24:00 + Tue 00:00–08:00 is one night); empty `hours` means always open.
 */
export function openIntervals(hours: WeeklyInterval[], window: Period, tz: string = TIME_ZONE): Period[] {
  if (!(window.start.getTime() < window.end.getTime())) return [];
  if (hours.length === 0) return [{ start: new Date(window.start.getTime()), end: new Date(window.end.getTime()) }];
  // Start a day early: an interval of the previous local date may reach into the window (with "24:00" or a DST shift).
  const first = addLocalDays(localDate(window.start, tz), -1);
  const days = daysBetween(first, localDate(window.end, tz));
  const byWeekday = new Map<number, WeeklyInterval[]>();
  for (const h of hours) byWeekday.set(h.weekday, [...(byWeekday.get(h.weekday) ?? []), h]);
  const placed: Period[] = [];
  for (let i = 0; i <= days; i++) {
    const date = addLocalDays(first, i);
    for (const h of byWeekday.get(weekdayOfDate(date)) ?? []) {
      placed.push({ start: localInstant(date, h.start, tz), end: localInstant(date, h.end, tz) });
    }
  }
  return clipPeriods(mergePeriods(placed), window);
}

/** True when every instant of `period` (non-empty) lies in one merged open interval of `hours`. */
export function isOpenThroughout(hours: WeeklyInterval[], period: Period, tz: string = TIME_ZONE): boolean {
  if (!(period.start.getTime() < period.end.getTime())) return false;
  const open = openIntervals(hours, period, tz);
  return (
    open.length === 1 &&
    open[0].start.getTime() === period.start.getTime() &&
    open[0].end.getTime() === period.end.getTime()
  );
}

/**
 * True when both ends of `period` fall in opening hours: the start inside an open interval, the end inside one or at
 * its close. This is how equipment is lent: picked up and brought back while the store is open, kept in between.
 */
export function isOpenAtHandover(hours: WeeklyInterval[], period: Period, tz: string = TIME_ZONE): boolean {
  if (!(period.start.getTime() < period.end.getTime())) return false;
  if (hours.length === 0) return true;
  const DAY = 86_400_000;
  const around = (t: number) => openIntervals(hours, { start: new Date(t - DAY), end: new Date(t + DAY) }, tz);
  const start = period.start.getTime();
  const end = period.end.getTime();
  return (
    around(start).some((o) => o.start.getTime() <= start && start < o.end.getTime()) &&
    around(end).some((o) => o.start.getTime() < end && end <= o.end.getTime())
  );
}

/** Whether a booking of `period` is within opening hours: throughout, or only at handover (equipment). */
export function isOpenForBooking(
  hours: WeeklyInterval[],
  period: Period,
  mode: "throughout" | "handover" = "throughout",
  tz: string = TIME_ZONE,
): boolean {
  return mode === "handover" ? isOpenAtHandover(hours, period, tz) : isOpenThroughout(hours, period, tz);
}

/**
 * The first problem of weekly hours, or null: "bad_time" (weekday not 1–7, malformed time, start at 24:00),
 * "end_before_start" (end not after start), "overlap" (two intervals of one weekday share time; touching is fine).
 */
export function validateWeeklyHours(hours: WeeklyInterval[]): WeeklyHoursProblem | null {
  const parsed: { weekday: number; start: number; end: number }[] = [];
  for (const h of hours) {
    if (!Number.isInteger(h.weekday) || h.weekday < 1 || h.weekday > 7) return "bad_time";
    let start: number;
    let end: number;
    try {
      start = parseClock(h.start);
      end = parseClock(h.end);
    } catch {
      return "bad_time";
    }
    if (start >= 1440) return "bad_time";
    parsed.push({ weekday: h.weekday, start, end });
  }
  if (parsed.some((h) => h.end <= h.start)) return "end_before_start";
  parsed.sort((a, b) => a.weekday - b.weekday || a.start - b.start);
  for (let i = 1; i < parsed.length; i++) {
    const [prev, cur] = [parsed[i - 1], parsed[i]];
    if (prev.weekday === cur.weekday && cur.start < prev.end) return "overlap";
  }
  return null;
}
