/**
 * Time rules of volunteer work: when a need may be posted and stays open, and which hours may be recorded.
 * Pure: `now` is an argument.
 */

const DAY = 86_400_000;

/**
 * A need may start up to this many days before it is posted: help often gets arranged by phone first and put on the
 * board afterwards so that the hours can be recorded, confirmed and counted. Such a "retrospective" need stays open
 * for answers this many days after it was posted (a need posted ahead of time closes at its end).
 */
export const RETROSPECTIVE_DAYS = 7;
/** How far ahead a need may be posted. */
export const NEED_HORIZON_DAYS = 366;
/** The longest single need or engagement (a camp, a week-long event). */
export const MAX_NEED_DAYS = 14;

export interface NeedTimes {
  start: Date;
  end: Date;
  createdAt: Date;
}

export type NeedTimeProblem = "end_before_start" | "too_far_back" | "too_far_ahead" | "too_long";

/** Why a need for `[start, end)` cannot be posted at `now`, or null. */
export function needTimeProblem(start: Date, end: Date, now: Date): NeedTimeProblem | null {
  if (end <= start) return "end_before_start";
  if (start.getTime() < now.getTime() - RETROSPECTIVE_DAYS * DAY) return "too_far_back";
  if (start.getTime() > now.getTime() + NEED_HORIZON_DAYS * DAY) return "too_far_ahead";
  if (end.getTime() - start.getTime() > MAX_NEED_DAYS * DAY) return "too_long";
  return null;
}

/** When an open need closes by itself: at its end, or for a retrospective need `RETROSPECTIVE_DAYS` after posting. */
export function needClosesAt(need: NeedTimes): Date {
  if (need.createdAt <= need.start) return need.end;
  const grace = new Date(need.createdAt.getTime() + RETROSPECTIVE_DAYS * DAY);
  return grace > need.end ? grace : need.end;
}

/** An open need still takes answers and acceptances at `now`. */
export const needAcceptsAnswers = (need: NeedTimes, now: Date) => now < needClosesAt(need);

/** Hours are recorded in quarters of an hour. */
export const HOURS_STEP = 0.25;

export type HoursProblem = "hours_not_positive" | "hours_step" | "hours_too_many";

/**
 * Whether `hours` may be recorded for an engagement of `[start, end)`: more than zero, in quarters of an hour, and
 * no more than the engagement lasted (rounded up to a quarter).
 */
export function hoursProblem(hours: number, start: Date, end: Date): HoursProblem | null {
  if (!Number.isFinite(hours) || hours <= 0) return "hours_not_positive";
  if (Math.abs(hours / HOURS_STEP - Math.round(hours / HOURS_STEP)) > 1e-9) return "hours_step";
  if (hours > maxHours(start, end)) return "hours_too_many";
  return null;
}

/** The most hours an engagement can have: its length rounded up to a quarter of an hour, at most 744 (a month). */
export function maxHours(start: Date, end: Date): number {
  const length = (end.getTime() - start.getTime()) / 3_600_000;
  return Math.min(744, Math.ceil(length / HOURS_STEP - 1e-9) * HOURS_STEP);
}
