import type { Period } from "./period";

export type { Period };

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

/** One interval of weekly opening hours, in wall-clock time of the resource's zone (Europe/Warsaw). */
export interface WeeklyInterval {
  weekday: Weekday;
  /** "HH:MM", 00:00–23:59 */
  start: string;
  /** "HH:MM", after start; "24:00" means the end of the day */
  end: string;
}

/** A resource's booking rules; null means "no limit". */
export interface BookingRules {
  /** Units that can be lent at once (1 for a hall or an expert's time). */
  quantity: number;
  minMinutes: number | null;
  maxMinutes: number | null;
  /** A request must come at least this long before its start. */
  leadMinutes: number | null;
  /** A booking may start at most this many days ahead. */
  horizonDays: number | null;
  /** Time kept free after each booking (cleaning, setting up). */
  bufferMinutes: number;
  /**
   * How opening hours apply: the whole booking must lie in them (a hall, an expert), or only its start and end
   * (equipment is picked up and returned while open, and kept overnight). Default "throughout".
   */
  hoursApply?: "throughout" | "handover";
}

/** A booking that holds time (pending or approved), as the availability arithmetic sees it. */
export interface Holding {
  period: Period;
  quantity: number;
}

/** A stretch of time with the units available (free) or booked (busy) throughout it. */
export interface Segment {
  start: Date;
  end: Date;
  quantity: number;
}

export type RuleViolation =
  | "invalid_period"
  | "in_past"
  | "too_short"
  | "too_long"
  | "too_soon"
  | "too_far"
  | "closed"
  | "blackout"
  | "too_many_units";
