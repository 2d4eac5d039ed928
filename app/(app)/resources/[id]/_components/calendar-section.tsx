import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { MonthCalendar, type MonthDay } from "@/app/_components/month-calendar";
import { ChevronLeftIcon, ChevronRightIcon } from "@/app/_components/resource-icons";
import { type SlotState, slotLook } from "@/app/_components/slot-look";
import { WeekCalendar, type WeekDay } from "@/app/_components/week-calendar";
import type { Db } from "@/db/connect";
import type { Actor } from "@/lib/auth/permissions";
import { addLocalDays, localClock, localInstant } from "@/lib/domain/wall-clock";
import type { Locale } from "@/lib/i18n/config";
import { getAvailability } from "@/lib/resources/get-availability";
import type { ResourceDetails } from "@/lib/resources/get-resource";
import {
  formatDayRange,
  formatLongDay,
  formatMonth,
  formatShortDay,
  formatWeekday,
  formatWeekdayShort,
} from "../../_lib/local-time";
import { type CalendarDay, calendarDays, type DaySlot, datesBetween, mondayOf } from "../_lib/calendar-days";

const LEGEND: SlotState[] = ["free", "partial", "busy", "buffer", "closed", "blackout", "past"];

/** `08:00–15:00`; a stretch that ends at midnight ends at 24:00. */
const timeRange = (slot: { start: Date; end: Date }) => {
  const end = localClock(slot.end);
  return `${localClock(slot.start)}–${end === "00:00" ? "24:00" : end}`;
};

/**
 * The availability calendar of a resource: a week (seven day lists) or a month (a table), with previous/next links
 * that keep the rest of the page's query (the request being prepared). All times in Polish time, and it says so.
 */
export async function CalendarSection({
  db,
  actor,
  resource,
  view,
  date,
  today,
  now,
  linkTo,
}: {
  db: Db;
  actor: Actor;
  resource: ResourceDetails;
  view: "week" | "month";
  date: string;
  today: string;
  now: Date;
  /** The page URL with these query values changed. */
  linkTo: (changes: Record<string, string>) => string;
}) {
  const t = await getTranslations("resourceCalendar");
  const locale = (await getLocale()) as Locale;

  let first: string;
  let last: string;
  let previous: string;
  let next: string;
  if (view === "week") {
    first = mondayOf(date);
    last = addLocalDays(first, 6);
    previous = addLocalDays(first, -7);
    next = addLocalDays(first, 7);
  } else {
    const monthStart = `${date.slice(0, 8)}01`;
    const nextMonth = addLocalDays(monthStart, 40).slice(0, 8).concat("01");
    first = mondayOf(monthStart);
    last = addLocalDays(mondayOf(addLocalDays(nextMonth, -1)), 6);
    previous = `${addLocalDays(monthStart, -1).slice(0, 8)}01`;
    next = nextMonth;
  }
  const availability = await getAvailability(db, actor, {
    resourceId: resource.id,
    from: localInstant(first, "00:00").toISOString(),
    to: localInstant(addLocalDays(last, 1), "00:00").toISOString(),
  });
  const days = calendarDays({
    dates: datesBetween(first, last),
    hours: resource.openingHours,
    availability,
    quantity: resource.quantity,
    now,
  });

  const units = (free: number) => t("unitsFree", { free, count: resource.quantity });
  const bookingLine = (b: DaySlot["bookings"][number]) =>
    [
      b.purpose,
      b.mine ? null : b.organisation?.name,
      resource.quantity > 1 ? t("unitsShort", { count: b.quantity }) : null,
      b.mine ? t("yours") : null,
      b.status === "pending" ? t("pending") : null,
    ]
      .filter(Boolean)
      .join(" · ");
  const details = (slot: DaySlot): string[] => {
    const lines: string[] = [];
    if (resource.quantity > 1 && slot.units !== undefined) lines.push(units(slot.units));
    if (resource.quantity > 1 && slot.state === "busy") lines.push(units(0));
    if (slot.reason) lines.push(slot.reason);
    for (const b of slot.bookings) {
      const line = bookingLine(b);
      if (line) lines.push(line);
    }
    return lines;
  };

  const range =
    view === "week" ? formatDayRange(first, last, locale) : t("monthRange", { month: formatMonth(date, locale) });
  const thisPeriodLabel = view === "week" ? t("thisWeek") : t("thisMonth");
  const rangeLabel = `${range} (${t("polishTime")})`;

  return (
    <section aria-labelledby="calendar" id="calendar-section" className="card space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 id="calendar" className="text-xl font-semibold">
          {t("title")}
        </h2>
        <nav aria-label={t("viewLabel")}>
          <ul className="flex gap-1 rounded-md border border-slate-400 p-1">
            {(["week", "month"] as const).map((v) => (
              <li key={v}>
                <Link
                  href={linkTo({ view: v, date })}
                  aria-current={view === v ? "page" : undefined}
                  className={`inline-flex min-h-11 items-center rounded px-3 font-medium no-underline ${
                    view === v ? "bg-brand-700 text-white hover:text-white" : "text-slate-900 hover:bg-slate-100"
                  }`}
                >
                  {v === "week" ? t("week") : t("month")}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      </div>

      <div className="flex flex-wrap items-center justify-between gap-3">
        <p className="text-lg font-semibold" data-testid="calendar-range">
          {range} <span className="text-base font-normal text-slate-700">({t("polishTime")})</span>
        </p>
        <nav aria-label={t("navLabel")} className="flex flex-wrap gap-2">
          <Link href={linkTo({ view, date: previous })} className="btn-secondary">
            <ChevronLeftIcon />
            {view === "week" ? t("previousWeek") : t("previousMonth")}
          </Link>
          <Link href={linkTo({ view, date: today })} className="btn-secondary">
            {thisPeriodLabel}
          </Link>
          <Link href={linkTo({ view, date: next })} className="btn-secondary">
            {view === "week" ? t("nextWeek") : t("nextMonth")}
            <ChevronRightIcon />
          </Link>
        </nav>
      </div>

      {view === "week" ? (
        <WeekCalendar
          label={rangeLabel}
          days={days.map(
            (day): WeekDay => ({
              date: day.date,
              heading: formatShortDay(day.date, locale),
              fullHeading: formatLongDay(day.date, locale),
              isToday: day.date === today,
              todayLabel: t("today"),
              slots: day.slots.map((slot) => ({
                time: timeRange(slot),
                state: slot.state,
                title: t(`state.${slot.state}`),
                details: details(slot),
              })),
            }),
          )}
        />
      ) : (
        <MonthCalendar
          caption={rangeLabel}
          todayLabel={t("today")}
          weekdays={days.slice(0, 7).map((d) => ({
            short: formatWeekdayShort(d.date, locale),
            long: formatWeekday(d.date, locale),
          }))}
          weeks={chunk(
            days.map((day) => monthDay(day)),
            7,
          )}
        />
      )}

      <div>
        <h3 className="sr-only">{t("legendTitle")}</h3>
        <ul className="flex flex-wrap gap-2 text-sm" aria-label={t("legendTitle")}>
          {LEGEND.map((state) => {
            const { Icon, className, style } = slotLook[state];
            return (
              <li
                key={state}
                className={`flex items-center gap-1 rounded border-l-4 px-2 py-1 ${className}`}
                style={style}
              >
                <Icon width={16} height={16} />
                {t(`legend.${state}`)}
              </li>
            );
          })}
        </ul>
      </div>
    </section>
  );

  function monthDay(day: CalendarDay): MonthDay {
    const open = day.slots.filter((s) => s.state === "free" || s.state === "partial");
    const shown = open.slice(0, 2).map(timeRange).join(", ");
    const detail =
      day.summary === "free" || day.summary === "partial"
        ? t("freeRanges", { ranges: open.length > 2 ? `${shown}…` : shown })
        : undefined;
    return {
      date: day.date,
      dayNumber: String(Number(day.date.slice(8, 10))),
      fullLabel: formatLongDay(day.date, locale),
      shortLabel: formatShortDay(day.date, locale),
      inMonth: day.date.slice(0, 7) === date.slice(0, 7),
      isToday: day.date === today,
      state: day.summary,
      title: t(`summary.${day.summary}`),
      detail,
      href: linkTo({ view: "week", date: day.date }),
    };
  }
}

function chunk<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
