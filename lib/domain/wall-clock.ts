import { TZDate, tzOffset } from "@date-fns/tz";
import { format, getISODay } from "date-fns";
import type { Weekday } from "./types";

/** The zone every resource's wall-clock times are read in. */
export const TIME_ZONE = "Europe/Warsaw";

const MINUTE = 60_000;
const DAY = 86_400_000;
const CLOCK = /^(?:([01]\d|2[0-3]):([0-5]\d)|(24):(00))$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Minutes since midnight of "HH:MM" in 00:00–23:59, or 1440 for "24:00"; anything else throws a RangeError. */
export function parseClock(hhmm: string): number {
  const match = CLOCK.exec(hhmm);
  if (!match) throw new RangeError(`not a wall-clock time HH:MM: ${hhmm}`);
  const hours = Number(match[1] ?? match[3]);
  const minutes = Number(match[2] ?? match[4]);
  return hours * 60 + minutes;
}

/** Midnight UTC of a calendar date "YYYY-MM-DD" in epoch ms; throws a RangeError for a malformed or impossible date. */
function dateToUtcMs(date: string): number {
  const match = DATE.exec(date);
  if (!match) throw new RangeError(`not a date YYYY-MM-DD: ${date}`);
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const ms = Date.UTC(year, month - 1, day);
  const check = new Date(ms);
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) {
    throw new RangeError(`not a calendar date: ${date}`);
  }
  return ms;
}

function utcMsToDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

function offsetMinutes(tz: string, instantMs: number): number {
  const offset = tzOffset(tz, new Date(instantMs));
  if (Number.isNaN(offset)) throw new RangeError(`unknown time zone: ${tz}`);
  return offset;
}

/** True for a real calendar date written "YYYY-MM-DD". */
export function isLocalDate(date: string): boolean {
  try {
    dateToUtcMs(date);
    return true;
  } catch {
    return false;
  }
}

/** The ISO weekday (1 = Monday … 7 = Sunday) of a calendar date "YYYY-MM-DD", independent of any zone. */
export function weekdayOfDate(date: string): Weekday {
  const day = new Date(dateToUtcMs(date)).getUTCDay();
  return (day === 0 ? 7 : day) as Weekday;
}

/** The calendar date `days` days after (or before, if negative) `date`; pure calendar arithmetic, no zone involved. */
export function addLocalDays(date: string, days: number): string {
  if (!Number.isInteger(days)) throw new RangeError(`not a whole number of days: ${days}`);
  return utcMsToDate(dateToUtcMs(date) + days * DAY);
}

/** Whole days from calendar date `from` to calendar date `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((dateToUtcMs(to) - dateToUtcMs(from)) / DAY);
}

/**
 * The instant at which the wall clock in `tz` shows `hhmm` on `date`; "24:00" is the next day's 00:00.
 * A time skipped by a spring change (02:30 on 2026-03-29 in Warsaw) moves forward by the gap (03:30 CEST);
 * a time repeated by an autumn change (02:30 on 2026-10-25) is its first, earlier occurrence (02:30 CEST).
 */
export function localInstant(date: string, hhmm: string, tz: string = TIME_ZONE): Date {
  // The wall-clock reading written as if it were UTC; subtracting the zone's offset gives the real instant.
  const wall = dateToUtcMs(date) + parseClock(hhmm) * MINUTE;
  // Offsets in force well before and well after: around one change they differ, elsewhere they agree.
  const before = offsetMinutes(tz, wall - DAY);
  const after = offsetMinutes(tz, wall + DAY);
  const candidates = [wall - before * MINUTE, wall - after * MINUTE]
    .filter((instant) => offsetMinutes(tz, instant) * MINUTE === wall - instant)
    .sort((a, b) => a - b);
  if (candidates.length > 0) return new Date(candidates[0]);
  // No instant shows this reading (spring gap): read it with the offset before the change, i.e. move forward by the gap.
  return new Date(wall - before * MINUTE);
}

/** The calendar date "YYYY-MM-DD" that the wall clock in `tz` shows at `instant`. */
export function localDate(instant: Date, tz: string = TIME_ZONE): string {
  return format(new TZDate(instant.getTime(), tz), "yyyy-MM-dd");
}

/** The ISO weekday (1 = Monday … 7 = Sunday) in `tz` at `instant`. */
export function localWeekday(instant: Date, tz: string = TIME_ZONE): Weekday {
  return getISODay(new TZDate(instant.getTime(), tz)) as Weekday;
}

/** The wall-clock time "HH:MM" (00:00–23:59, never "24:00") in `tz` at `instant`. */
export function localClock(instant: Date, tz: string = TIME_ZONE): string {
  return format(new TZDate(instant.getTime(), tz), "HH:mm");
}
