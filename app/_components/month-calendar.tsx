import Link from "next/link";
import { type SlotState, slotLook } from "./slot-look";

export interface MonthDay {
  date: string;
  /** The day of the month: `28`. */
  dayNumber: string;
  /** `sobota, 28 listopada 2026` */
  fullLabel: string;
  /** `sob. 28 lis`, for the list on narrow screens. */
  shortLabel: string;
  inMonth: boolean;
  isToday: boolean;
  state: SlotState;
  /** The word for the state. */
  title: string;
  /** `wolne: 08:00–10:00, 12:00–15:00` */
  detail?: string;
  /** The week view of this day. */
  href: string;
}

/**
 * A month as a table (weeks × weekdays) on wide screens and as a list of days on a phone. Each day says its
 * state in a word with an icon and links to its week.
 */
export function MonthCalendar({
  weeks,
  weekdays,
  caption,
  todayLabel,
}: {
  weeks: MonthDay[][];
  weekdays: { short: string; long: string }[];
  caption: string;
  todayLabel: string;
}) {
  const days = weeks.flat().filter((d) => d.inMonth);
  return (
    <>
      <table className="hidden w-full table-fixed border-collapse md:table">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            {weekdays.map((w) => (
              <th key={w.long} scope="col" className="py-1 text-left text-sm font-semibold text-slate-800">
                <abbr title={w.long} className="no-underline">
                  {w.short}
                </abbr>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {weeks.map((week) => (
            <tr key={week[0].date}>
              {week.map((day) => (
                <td key={day.date} className="h-28 border border-slate-300 p-0 align-top">
                  {day.inMonth ? <DayCell day={day} todayLabel={todayLabel} /> : <span className="sr-only">—</span>}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <ol className="space-y-2 md:hidden" aria-label={caption}>
        {days.map((day) => {
          const { Icon, className, style } = slotLook[day.state];
          return (
            <li key={day.date}>
              <Link
                href={day.href}
                className={`flex min-h-11 flex-wrap items-center gap-x-3 gap-y-1 rounded-md border-l-4 px-3 py-2 text-slate-900 no-underline ${className}`}
                style={style}
                aria-current={day.isToday ? "date" : undefined}
              >
                <span className="w-24 font-semibold">
                  <span aria-hidden="true">{day.shortLabel}</span>
                  <span className="sr-only">{day.fullLabel}</span>
                </span>
                <span className="flex items-center gap-1">
                  <Icon width={16} height={16} />
                  {day.title}
                  {day.isToday ? ` · ${todayLabel}` : ""}
                </span>
                {day.detail ? <span className="text-sm tabular-nums">{day.detail}</span> : null}
              </Link>
            </li>
          );
        })}
      </ol>
    </>
  );
}

function DayCell({ day, todayLabel }: { day: MonthDay; todayLabel: string }) {
  const { Icon, className, style } = slotLook[day.state];
  return (
    <Link
      href={day.href}
      className={`flex h-full min-h-28 flex-col gap-1 border-l-4 p-1.5 text-sm text-slate-900 no-underline hover:underline ${className} ${
        day.isToday ? "outline-2 -outline-offset-2 outline-brand-700" : ""
      }`}
      style={style}
      aria-current={day.isToday ? "date" : undefined}
    >
      <span className="text-base font-semibold">
        <span aria-hidden="true">{day.dayNumber}</span>
        <span className="sr-only">{day.fullLabel}</span>
        {day.isToday ? <span className="ml-1 text-xs font-medium">· {todayLabel}</span> : null}
      </span>
      <span className="flex items-center gap-1">
        <Icon width={14} height={14} className="shrink-0" />
        {day.title}
      </span>
      {day.detail ? <span className="text-xs tabular-nums">{day.detail}</span> : null}
    </Link>
  );
}
