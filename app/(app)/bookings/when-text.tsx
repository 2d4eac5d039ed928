import { TZDate } from "@date-fns/tz";
import { format } from "date-fns";
import { useLocale, useTranslations } from "next-intl";
import { type Locale, TIME_ZONE } from "@/lib/i18n/config";
import { formatDate, formatDateTime, formatTimeRange } from "@/lib/i18n/format";

/**
 * `10:00–14:00 czasu polskiego`, or, for a booking that ends on a later day (lent equipment),
 * `10:00 – 12 marca 2027, 14:00 czasu polskiego`. With `withDate` the start date comes first.
 */
export function WhenText({ start, end, withDate = false }: { start: Date; end: Date; withDate?: boolean }) {
  const locale = useLocale() as Locale;
  const t = useTranslations("bookings");
  const sameDay = formatDate(start, locale) === formatDate(new Date(end.getTime() - 1), locale);
  const range = sameDay
    ? formatTimeRange(start, end)
    : `${format(new TZDate(start, TIME_ZONE), "HH:mm")} – ${formatDateTime(end, locale)}`;
  return (
    <>
      <time dateTime={start.toISOString()}>
        {withDate ? `${formatDate(start, locale)}, ` : ""}
        {range}
      </time>{" "}
      <abbr title={t("polishTimeLong")}>{t("polishTime")}</abbr>
    </>
  );
}
