import { type SlotState, slotLook } from "./slot-look";

export interface WeekSlot {
  /** `08:00–15:00` */
  time: string;
  state: SlotState;
  /** The word for the state: `Wolne`, `Zajęte` … */
  title: string;
  /** Further lines: units left, what it is booked for and by whom (when the viewer may know). */
  details?: string[];
}

export interface WeekDay {
  date: string;
  /** `pon. 30 lis` */
  heading: string;
  /** Read by screen readers instead of the short heading: `poniedziałek, 30 listopada 2026`. */
  fullHeading: string;
  isToday: boolean;
  todayLabel: string;
  slots: WeekSlot[];
}

/**
 * A week as seven day lists: side by side on wide screens, one under another on a phone. Each stretch of time says
 * its time and its state in words; a day heading names the whole date for screen readers.
 */
export function WeekCalendar({ days, label }: { days: WeekDay[]; label: string }) {
  return (
    <ol className="grid gap-3 lg:grid-cols-7" aria-label={label}>
      {days.map((day) => (
        <li
          key={day.date}
          className={`min-w-0 rounded-md border bg-white ${day.isToday ? "border-2 border-brand-700" : "border-slate-300"}`}
          aria-current={day.isToday ? "date" : undefined}
        >
          <h3 className="border-b border-slate-200 px-2 py-1.5 font-semibold">
            <span aria-hidden="true">{day.heading}</span>
            <span className="sr-only">{day.fullHeading}</span>
            {day.isToday ? <span className="ml-1 text-sm font-medium text-brand-700">· {day.todayLabel}</span> : null}
          </h3>
          <ul className="space-y-1 p-1.5">
            {day.slots.map((slot) => {
              const { Icon, className, style } = slotLook[slot.state];
              return (
                <li
                  key={`${slot.time}-${slot.state}`}
                  className={`rounded border-l-4 px-2 py-1 text-sm ${className}`}
                  style={style}
                  data-state={slot.state}
                >
                  <span className="block font-semibold tabular-nums">{slot.time}</span>
                  <span className="flex items-center gap-1">
                    <Icon width={16} height={16} className="shrink-0" />
                    {slot.title}
                  </span>
                  {slot.details?.map((line) => (
                    <span key={line} className="block break-words">
                      {line}
                    </span>
                  ))}
                </li>
              );
            })}
          </ul>
        </li>
      ))}
    </ol>
  );
}
