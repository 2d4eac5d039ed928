import { TZDate } from "@date-fns/tz";
import { format } from "date-fns";
import { enGB, pl } from "date-fns/locale";
import { type Locale, TIME_ZONE } from "./config";

const dateLocales = { pl, en: enGB } as const;

/** Wall-clock time in Europe/Warsaw, whatever the server's TZ: `28 marca 2027, 08:00`. */
export function formatDateTime(date: Date, locale: Locale): string {
  return format(new TZDate(date, TIME_ZONE), "d MMMM yyyy, HH:mm", { locale: dateLocales[locale] });
}

/** `niedziela, 28 marca 2027` */
export function formatDate(date: Date, locale: Locale): string {
  return format(new TZDate(date, TIME_ZONE), "EEEE, d MMMM yyyy", { locale: dateLocales[locale] });
}

/** `08:00–10:00` in Europe/Warsaw. */
export function formatTimeRange(start: Date, end: Date): string {
  return `${format(new TZDate(start, TIME_ZONE), "HH:mm")}–${format(new TZDate(end, TIME_ZONE), "HH:mm")}`;
}

/** `1 250,00 zł` with non-breaking spaces, or `PLN 1,250.00`. */
export function formatMoney(amount: number, locale: Locale): string {
  return new Intl.NumberFormat(locale === "pl" ? "pl-PL" : "en-GB", {
    style: "currency",
    currency: "PLN",
    useGrouping: "always",
  }).format(amount);
}
