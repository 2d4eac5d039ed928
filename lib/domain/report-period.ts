import { addLocalDays, daysBetween, isLocalDate } from "./wall-clock";

/**
 * A report period: local calendar dates in Europe/Warsaw, both inclusive, so it runs from `from` 00:00 local to the
 * day after `to`, 00:00 local. Its real length follows the clock (a day of a clock change has 23 or 25 hours).
 */
export interface ReportPeriod {
  from: string;
  to: string;
}

export const REPORT_PRESETS = ["month", "quarter", "year"] as const;
export type ReportPreset = (typeof REPORT_PRESETS)[number];

/** The longest period a report covers, in days: three years and a leap day. */
export const MAX_REPORT_DAYS = 3 * 366;

const MONTHS: Record<ReportPreset, number> = { month: 1, quarter: 3, year: 12 };

/** The same day of the month `months` earlier, clamped to the month's last day (31 May − 3 months = 28/29 Feb). */
function monthsBefore(date: string, months: number): string {
  const [y, m, d] = date.split("-").map(Number);
  const index = y * 12 + (m - 1) - months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(Math.min(d, last)).padStart(2, "0")}`;
}

/**
 * The last month, quarter or year of whole days before `today` (a local date): from the same date one, three or
 * twelve months earlier up to yesterday — 26 Aug – 25 Nov for a quarter seen on 26 Nov.
 */
export function presetPeriod(preset: ReportPreset, today: string): ReportPeriod {
  if (!isLocalDate(today)) throw new RangeError(`not a date YYYY-MM-DD: ${today}`);
  const to = addLocalDays(today, -1);
  return { from: monthsBefore(today, MONTHS[preset]), to };
}

/** Days in a period, both ends counted (1 for a single day). */
export function periodDays({ from, to }: ReportPeriod): number {
  return daysBetween(from, to) + 1;
}

/** The period of the same number of days that ends the day before `period` starts. */
export function previousPeriod(period: ReportPeriod): ReportPeriod {
  const days = periodDays(period);
  return { from: addLocalDays(period.from, -days), to: addLocalDays(period.from, -1) };
}

export type PeriodProblem = "bad_date" | "end_before_start" | "range_too_long";

/** Why `from`–`to` is not a usable report period, or null when it is. */
export function periodProblem(from: string, to: string): { field: "from" | "to"; reason: PeriodProblem } | null {
  if (!isLocalDate(from)) return { field: "from", reason: "bad_date" };
  if (!isLocalDate(to)) return { field: "to", reason: "bad_date" };
  if (daysBetween(from, to) < 0) return { field: "to", reason: "end_before_start" };
  if (periodDays({ from, to }) > MAX_REPORT_DAYS) return { field: "to", reason: "range_too_long" };
  return null;
}

/** Which preset, if any, `period` is when seen on `today` (to mark the chosen button). */
export function presetOf(period: ReportPeriod, today: string): ReportPreset | null {
  for (const preset of REPORT_PRESETS) {
    const p = presetPeriod(preset, today);
    if (p.from === period.from && p.to === period.to) return preset;
  }
  return null;
}
