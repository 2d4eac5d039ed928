import type { SlotState } from "@/app/_components/slot-look";
import { openIntervals } from "@/lib/domain/opening-hours";
import type { Period, WeeklyInterval } from "@/lib/domain/types";
import { addLocalDays, localInstant, weekdayOfDate } from "@/lib/domain/wall-clock";
import type { Availability, AvailabilityBooking } from "@/lib/resources/get-availability";

/*
 * What a stretch of one day is, for the calendars: closed (outside opening hours), blackout (closed by the owner),
 * past, free (every unit), partial (some units left), busy (booked), buffer (kept free around a booking).
 */
export type { SlotState };

export interface DaySlot {
  start: Date;
  end: Date;
  state: SlotState;
  /** Units that can still be booked (free, partial). */
  units?: number;
  /** Bookings holding this stretch (busy, partial). */
  bookings: AvailabilityBooking[];
  /** The owner's reason (blackout). */
  reason?: string;
}

export interface CalendarDay {
  date: string;
  slots: DaySlot[];
  /** A one-word summary for the month view. */
  summary: "closed" | "blackout" | "past" | "free" | "partial" | "busy";
}

const within = (p: { start: Date; end: Date }, t: number) => p.start.getTime() <= t && t < p.end.getTime();

/** The local dates from `first` to `last`, inclusive. */
export function datesBetween(first: string, last: string): string[] {
  const dates: string[] = [];
  for (let d = first; d <= last; d = addLocalDays(d, 1)) dates.push(d);
  return dates;
}

/** Monday of the ISO week of a local date. */
export const mondayOf = (date: string) => addLocalDays(date, 1 - weekdayOfDate(date));

/**
 * Cuts each day (Polish time) into stretches of one state, from the weekly hours and what getAvailability said.
 * Every instant is in exactly one stretch; neighbours with the same state, units and bookings are joined.
 */
export function calendarDays(input: {
  dates: string[];
  hours: WeeklyInterval[];
  availability: Availability;
  quantity: number;
  now: Date;
}): CalendarDay[] {
  const { dates, hours, availability, quantity, now } = input;
  return dates.map((date) => {
    const day: Period = { start: localInstant(date, "00:00"), end: localInstant(addLocalDays(date, 1), "00:00") };
    const open = openIntervals(hours, day);
    const cuts = new Set<number>([day.start.getTime(), day.end.getTime(), now.getTime()]);
    const add = (p: { start: Date; end: Date }) => {
      cuts.add(p.start.getTime());
      cuts.add(p.end.getTime());
    };
    for (const list of [open, availability.blackouts, availability.free, availability.bookings]) list.forEach(add);
    const points = [...cuts].filter((t) => t >= day.start.getTime() && t <= day.end.getTime()).sort((a, b) => a - b);

    const slots: DaySlot[] = [];
    for (let i = 0; i + 1 < points.length; i++) {
      const [a, b] = [points[i], points[i + 1]];
      const mid = a + (b - a) / 2;
      const bookings = availability.bookings.filter((x) => within(x, mid));
      const blackout = availability.blackouts.find((x) => within(x, mid));
      const free = availability.free.find((x) => within(x, mid));
      let slot: Omit<DaySlot, "start" | "end">;
      if (!open.some((x) => within(x, mid))) slot = { state: "closed", bookings: [] };
      else if (blackout) slot = { state: "blackout", bookings: [], reason: blackout.reason };
      else if (b <= now.getTime()) slot = { state: "past", bookings: [] };
      else if (free && free.quantity >= quantity) slot = { state: "free", units: free.quantity, bookings: [] };
      else if (free) slot = { state: "partial", units: free.quantity, bookings };
      else if (bookings.length > 0) slot = { state: "busy", bookings };
      else slot = { state: "buffer", bookings: [] };
      const last = slots.at(-1);
      const same =
        last &&
        last.state === slot.state &&
        last.units === slot.units &&
        last.reason === slot.reason &&
        last.bookings.map((x) => x.id).join() === slot.bookings.map((x) => x.id).join();
      if (same) last.end = new Date(b);
      else slots.push({ ...slot, start: new Date(a), end: new Date(b) });
    }
    return { date, slots, summary: summarise(slots) };
  });
}

function summarise(slots: DaySlot[]): CalendarDay["summary"] {
  const has = (s: SlotState) => slots.some((x) => x.state === s);
  if (slots.every((x) => x.state === "closed")) return "closed";
  if (slots.every((x) => x.state === "closed" || x.state === "blackout")) return "blackout";
  if (slots.every((x) => x.state === "closed" || x.state === "blackout" || x.state === "past")) return "past";
  if (!has("free") && !has("partial")) return "busy";
  if (has("busy") || has("partial") || has("buffer")) return "partial";
  return "free";
}
