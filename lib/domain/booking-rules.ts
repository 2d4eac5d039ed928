import { TZDate } from "@date-fns/tz";
import { addDays } from "date-fns";
import { isOpenForBooking } from "./opening-hours";
import { overlaps, type Period } from "./period";
import type { BookingRules, RuleViolation, WeeklyInterval } from "./types";
import { TIME_ZONE } from "./wall-clock";

const MINUTE = 60_000;

/**
 * Every rule a requested booking breaks, in the order of `RuleViolation`; durations are real elapsed minutes.
 * An invalid period (end ≤ start, or not whole minutes) is reported alone with the unit check: the other checks
 * would be meaningless. The horizon counts calendar days in `tz` (same wall-clock time `horizonDays` days later).
 */
export function checkBookingRules(input: {
  period: Period;
  quantity: number;
  now: Date;
  rules: BookingRules;
  hours: WeeklyInterval[];
  blackouts: Period[];
  tz?: string;
}): RuleViolation[] {
  const { period, quantity, now, rules, hours, blackouts, tz = TIME_ZONE } = input;
  const violations: RuleViolation[] = [];
  const start = period.start.getTime();
  const end = period.end.getTime();
  const unitsWrong = !Number.isInteger(quantity) || quantity < 1 || quantity > rules.quantity;

  const wholeMinutes = Number.isInteger(start / MINUTE) && Number.isInteger(end / MINUTE);
  if (!(start < end) || !wholeMinutes) {
    violations.push("invalid_period");
    if (unitsWrong) violations.push("too_many_units");
    return violations;
  }

  const minutes = (end - start) / MINUTE;
  const ahead = (start - now.getTime()) / MINUTE;
  if (ahead < 0) violations.push("in_past");
  if (rules.minMinutes !== null && minutes < rules.minMinutes) violations.push("too_short");
  if (rules.maxMinutes !== null && minutes > rules.maxMinutes) violations.push("too_long");
  if (rules.leadMinutes !== null && ahead < rules.leadMinutes) violations.push("too_soon");
  if (rules.horizonDays !== null) {
    const horizon = addDays(new TZDate(now.getTime(), tz), rules.horizonDays).getTime();
    if (start > horizon) violations.push("too_far");
  }
  if (!isOpenForBooking(hours, period, rules.hoursApply, tz)) violations.push("closed");
  if (blackouts.some((b) => overlaps(period, b))) violations.push("blackout");
  if (unitsWrong) violations.push("too_many_units");
  return violations;
}
