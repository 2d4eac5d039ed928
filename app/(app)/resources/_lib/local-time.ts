import { TZDate } from "@date-fns/tz";
import { format } from "date-fns";
import { enGB, pl } from "date-fns/locale";
import {
  addLocalDays,
  isLocalDate,
  localClock,
  localDate,
  localInstant,
  TIME_ZONE,
  weekdayOfDate,
} from "@/lib/domain/wall-clock";
import type { Locale } from "@/lib/i18n/config";

/** Wall-clock labels for local dates ("YYYY-MM-DD") and instants, always in Europe/Warsaw. */
const dateLocales = { pl, en: enGB } as const;

/** Noon of a local date: a safe instant to format the date itself (no clock change happens at noon). */
const noon = (date: string) => new TZDate(localInstant(date, "12:00").getTime(), TIME_ZONE);
const at = (instant: Date) => new TZDate(instant.getTime(), TIME_ZONE);

/** `28 listopada 2026` */
export const formatDay = (date: string, locale: Locale) =>
  format(noon(date), "d MMMM yyyy", { locale: dateLocales[locale] });
/** `sobota, 28 listopada 2026` */
export const formatLongDay = (date: string, locale: Locale) =>
  format(noon(date), "EEEE, d MMMM yyyy", { locale: dateLocales[locale] });
/** `sob. 28 lis` */
export const formatShortDay = (date: string, locale: Locale) =>
  format(noon(date), "EEE d MMM", { locale: dateLocales[locale] });
/** `listopad 2026` */
export const formatMonth = (date: string, locale: Locale) =>
  format(noon(date), "LLLL yyyy", { locale: dateLocales[locale] });
/** `sob.` */
export const formatWeekdayShort = (date: string, locale: Locale) =>
  format(noon(date), "EEE", { locale: dateLocales[locale] });
/** `sobota` */
export const formatWeekday = (date: string, locale: Locale) =>
  format(noon(date), "EEEE", { locale: dateLocales[locale] });
/** `28 listopada 2026, 10:00` for an instant. */
export const formatInstant = (instant: Date, locale: Locale) =>
  format(at(instant), "d MMMM yyyy, HH:mm", { locale: dateLocales[locale] });
/** `08:00` for an instant. */
export const formatClock = (instant: Date) => format(at(instant), "HH:mm");

/** Message keys of ISO weekdays 1–7 (`weekdays.mon` …), for ICU `select` arguments too. */
export const WEEKDAY_KEYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;
export const weekdayKey = (date: string) => WEEKDAY_KEYS[weekdayOfDate(date) - 1];

const CLOCK = /^([01]\d|2[0-3]):[0-5]\d$/;
const END_CLOCK = /^(([01]\d|2[0-3]):[0-5]\d|24:00)$/;
/** "HH:MM" in 00:00–23:59. */
export const isClock = (value: string | undefined): value is string => !!value && CLOCK.test(value);
/** "HH:MM" in 00:00–23:59, or "24:00". */
export const isEndClock = (value: string | undefined): value is string => !!value && END_CLOCK.test(value);
/** A real calendar date "YYYY-MM-DD". */
export const isDate = (value: string | undefined): value is string => !!value && isLocalDate(value);

/** A query-string value as one string ("" when absent or repeated oddly). */
export const param = (value: string | string[] | undefined) =>
  Array.isArray(value) ? (value[0] ?? "") : (value ?? "");

/**
 * A period in Polish time, read the way people say it: `28 listopada 2026, 10:00–14:00` within one day, otherwise
 * `28 listopada 2026, 10:00 – 30 listopada 2026, 16:00`; an end at midnight is 24:00 of the day before.
 */
export function formatPeriod(start: Date, end: Date, locale: Locale): string {
  const startDate = localDate(start);
  let endDate = localDate(end);
  let endClock = localClock(end);
  if (endClock === "00:00" && end.getTime() > start.getTime()) {
    endDate = addLocalDays(endDate, -1);
    endClock = "24:00";
  }
  if (startDate === endDate) return `${formatDay(startDate, locale)}, ${localClock(start)}–${endClock}`;
  return `${formatDay(startDate, locale)}, ${localClock(start)} – ${formatDay(endDate, locale)}, ${endClock}`;
}

/** The local date, start and end time of a period, for pre-filling a request form (end date only when it differs). */
export function periodParams(start: Date, end: Date) {
  const date = localDate(start);
  const endDate = localDate(end);
  const params: Record<string, string> = { date, start: localClock(start), end: localClock(end) };
  if (endDate !== date) params.endDate = endDate;
  return params;
}

/** `23–29 listopada 2026`, `30 listopada – 6 grudnia 2026`, `28 grudnia 2026 – 3 stycznia 2027`. */
export function formatDayRange(first: string, last: string, locale: Locale): string {
  const options = { locale: dateLocales[locale] };
  if (first.slice(0, 7) === last.slice(0, 7)) return `${format(noon(first), "d", options)}–${formatDay(last, locale)}`;
  if (first.slice(0, 4) === last.slice(0, 4))
    return `${format(noon(first), "d MMMM", options)} – ${formatDay(last, locale)}`;
  return `${formatDay(first, locale)} – ${formatDay(last, locale)}`;
}
