/** A half-open interval `[start, end)` of real instants. */
export interface Period {
  start: Date;
  end: Date;
}

/** The text form of a `tstzrange` `[start,end)`; instants are written in UTC ISO form, so the server's TZ never matters. */
export function toRange({ start, end }: Period): string {
  if (!(start < end)) throw new RangeError("a period must end after it starts");
  return `[${new Date(start.getTime()).toISOString()},${new Date(end.getTime()).toISOString()})`;
}

/** Parses PostgreSQL's output of a bounded `tstzrange`, e.g. `["2026-03-29 01:00:00+00","2026-03-29 03:00:00+00")`. */
export function parseRange(text: string): Period {
  const match = /^\[\s*"?([^",]+)"?\s*,\s*"?([^",]+)"?\s*\)$/.exec(text.trim());
  if (!match) throw new RangeError(`not a bounded [start,end) range: ${text}`);
  return { start: parseTimestamp(match[1]), end: parseTimestamp(match[2]) };
}

function parseTimestamp(value: string): Date {
  // PostgreSQL writes `2026-03-29 01:00:00+00` or `…+05:30`; make it ISO 8601 before Date reads it.
  const iso = value
    .trim()
    .replace(" ", "T")
    .replace(/([+-]\d{2})$/, "$1:00");
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) throw new RangeError(`not a timestamp: ${value}`);
  return date;
}

/** True when two half-open periods share at least one instant. */
export const overlaps = (a: Period, b: Period) => a.start < b.end && b.start < a.end;

/** Real elapsed hours, so a night across a clock change counts 1 hour more or less than the wall clock says. */
export const durationHours = ({ start, end }: Period) => (end.getTime() - start.getTime()) / 3_600_000;
