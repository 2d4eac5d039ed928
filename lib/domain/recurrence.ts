import type { Period } from "./period";
import type { Weekday } from "./types";
import {
  addLocalDays,
  daysBetween,
  isLocalDate,
  localInstant,
  parseClock,
  TIME_ZONE,
  weekdayOfDate,
} from "./wall-clock";

/** A repeating booking in wall-clock time; exactly one of `until` and `count` ends it. */
export interface RecurrenceRule {
  frequency: "weekly" | "biweekly" | "monthly";
  weekdays: Weekday[];
  /** YYYY-MM-DD, the first possible day */
  startDate: string;
  /** HH:MM */
  startTime: string;
  /** HH:MM or 24:00, after startTime */
  endTime: string;
  /** YYYY-MM-DD, inclusive */
  until?: string;
  count?: number;
}

/** Throws RangeError("invalid_rule") unless the rule is well formed. */
function assertValid(rule: RecurrenceRule): void {
  const invalid = () => new RangeError("invalid_rule");
  if (!["weekly", "biweekly", "monthly"].includes(rule.frequency)) throw invalid();
  if (!Array.isArray(rule.weekdays) || rule.weekdays.length === 0) throw invalid();
  if (rule.weekdays.some((d) => !Number.isInteger(d) || d < 1 || d > 7)) throw invalid();
  if (!isLocalDate(rule.startDate)) throw invalid();
  let start: number;
  let end: number;
  try {
    start = parseClock(rule.startTime);
    end = parseClock(rule.endTime);
  } catch {
    throw invalid();
  }
  if (start >= 1440 || end <= start) throw invalid();
  const hasUntil = rule.until !== undefined;
  const hasCount = rule.count !== undefined;
  if (hasUntil === hasCount) throw invalid();
  if (hasUntil && !isLocalDate(rule.until!)) throw invalid();
  if (hasCount && (!Number.isInteger(rule.count) || rule.count! < 1)) throw invalid();
}

/** Whether `date` (on one of the rule's weekdays, not before startDate) belongs to the rule's frequency. */
function matcher(rule: RecurrenceRule): (date: string) => boolean {
  if (rule.frequency === "weekly") return () => true;
  if (rule.frequency === "biweekly") {
    // Weeks counted from the Monday of startDate's ISO week; only even-numbered weeks.
    const firstMonday = addLocalDays(rule.startDate, 1 - weekdayOfDate(rule.startDate));
    return (date) => Math.floor(daysBetween(firstMonday, date) / 7) % 2 === 0;
  }
  const nth = Math.ceil(Number(rule.startDate.slice(8, 10)) / 7);
  return (date) => Math.ceil(Number(date.slice(8, 10)) / 7) === nth;
}

/**
 * The rule's occurrences, sorted, never before startDate, in wall-clock time of `tz` (18:00–19:30 stays 18:00–19:30
 * local across a clock change, so its UTC instants shift); monthly = the n-th chosen weekday of each month with
 * n = ceil(day of startDate / 7), skipping months without one. Throws RangeError("invalid_rule") for a bad rule and
 * RangeError("too_many_occurrences") when it would yield more than `max`. An occurrence that falls entirely into a
 * spring gap (e.g. 02:00–03:00 on 2026-03-29) is empty and skipped, and does not count towards `count`.
 */
export function expandRecurrence(rule: RecurrenceRule, tz: string = TIME_ZONE, max = 104): Period[] {
  assertValid(rule);
  if (rule.count !== undefined && rule.count > max) throw new RangeError("too_many_occurrences");
  const weekdays = new Set<number>(rule.weekdays);
  const belongs = matcher(rule);
  const occurrences: Period[] = [];
  const lastDay = rule.until ?? null;
  const limit = rule.count ?? Number.POSITIVE_INFINITY;
  // Every frequency yields at least one occurrence a year (a 5th weekday occurs in some month of every year), so a
  // count-bounded walk ends; the cap guards against a bug rather than against a rule.
  const maxDays = lastDay === null ? (max + 1) * 400 : daysBetween(rule.startDate, lastDay);
  for (let i = 0; i <= maxDays && occurrences.length < limit; i++) {
    const date = addLocalDays(rule.startDate, i);
    if (!weekdays.has(weekdayOfDate(date)) || !belongs(date)) continue;
    const start = localInstant(date, rule.startTime, tz);
    const end = localInstant(date, rule.endTime, tz);
    if (!(start.getTime() < end.getTime())) continue;
    if (occurrences.length === max) throw new RangeError("too_many_occurrences");
    occurrences.push({ start, end });
  }
  return occurrences;
}
