import type { Period } from "./period";

/** Sorts periods and joins those that overlap or touch; empty or reversed periods are dropped. */
export function mergePeriods(periods: Period[]): Period[] {
  const sorted = periods
    .filter((p) => p.start.getTime() < p.end.getTime())
    .map((p) => ({ start: p.start.getTime(), end: p.end.getTime() }))
    .sort((a, b) => a.start - b.start || a.end - b.end);
  const merged: { start: number; end: number }[] = [];
  for (const p of sorted) {
    const last = merged.at(-1);
    if (last && p.start <= last.end) last.end = Math.max(last.end, p.end);
    else merged.push({ ...p });
  }
  return merged.map((p) => ({ start: new Date(p.start), end: new Date(p.end) }));
}

/** The parts of sorted, disjoint `periods` that lie inside `window`, still sorted and disjoint. */
export function clipPeriods(periods: Period[], window: Period): Period[] {
  const lo = window.start.getTime();
  const hi = window.end.getTime();
  const clipped: Period[] = [];
  for (const p of periods) {
    const start = Math.max(p.start.getTime(), lo);
    const end = Math.min(p.end.getTime(), hi);
    if (start < end) clipped.push({ start: new Date(start), end: new Date(end) });
  }
  return clipped;
}
