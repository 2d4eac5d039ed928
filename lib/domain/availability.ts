import type { Period } from "./period";
import { clipPeriods, mergePeriods } from "./period-set";
import type { Holding, Segment } from "./types";

const MINUTE = 60_000;
/** At most this many candidate starts are tried by `nearestFreeSlots`, however many `accept` rejects. */
const MAX_CANDIDATES = 2000;

/** The instants of `from` not in `remove`, as sorted, disjoint periods (touching results joined). */
export function subtract(from: Period[], remove: Period[]): Period[] {
  const base = mergePeriods(from);
  const cuts = mergePeriods(remove);
  const result: Period[] = [];
  let j = 0;
  for (const p of base) {
    let cursor = p.start.getTime();
    const end = p.end.getTime();
    while (j < cuts.length && cuts[j].end.getTime() <= cursor) j++;
    // Cuts are disjoint and sorted, so the ones past `end` are kept for the next base period.
    for (let k = j; k < cuts.length && cuts[k].start.getTime() < end; k++) {
      const cutStart = cuts[k].start.getTime();
      if (cutStart > cursor) result.push({ start: new Date(cursor), end: new Date(cutStart) });
      cursor = Math.max(cursor, cuts[k].end.getTime());
      if (cursor >= end) break;
    }
    if (cursor < end) result.push({ start: new Date(cursor), end: new Date(end) });
  }
  return result;
}

interface Step {
  at: number;
  /** The summed quantity from `at` until the next step. */
  sum: number;
}

/** The step function "summed quantity of the items covering t": sorted steps, 0 before the first. */
function stepFunction(items: { start: number; end: number; quantity: number }[]): Step[] {
  const deltas = new Map<number, number>();
  for (const { start, end, quantity } of items) {
    if (!(start < end) || !(quantity > 0)) continue;
    deltas.set(start, (deltas.get(start) ?? 0) + quantity);
    deltas.set(end, (deltas.get(end) ?? 0) - quantity);
  }
  const steps: Step[] = [];
  let sum = 0;
  for (const at of [...deltas.keys()].sort((a, b) => a - b)) {
    sum += deltas.get(at)!;
    steps.push({ at, sum });
  }
  return steps;
}

/** Segments of constant value `value(sum)` over sorted, disjoint `within`, keeping those where it is > 0. */
function segmentsOver(steps: Step[], within: Period[], value: (sum: number) => number): Segment[] {
  const segments: Segment[] = [];
  const push = (start: number, end: number, quantity: number) => {
    if (!(start < end) || quantity <= 0) return;
    const last = segments.at(-1);
    if (last && last.end.getTime() === start && last.quantity === quantity) last.end = new Date(end);
    else segments.push({ start: new Date(start), end: new Date(end), quantity });
  };
  let i = 0; // steps[i] is the first step after the cursor
  let sum = 0; // the summed quantity at the cursor
  for (const p of within) {
    const end = p.end.getTime();
    let cursor = p.start.getTime();
    while (i < steps.length && steps[i].at <= cursor) sum = steps[i++].sum;
    while (cursor < end) {
      const next = i < steps.length ? Math.min(steps[i].at, end) : end;
      push(cursor, next, value(sum));
      cursor = next;
      while (i < steps.length && steps[i].at <= cursor) sum = steps[i++].sum;
    }
  }
  return segments;
}

/**
 * Within `window`: `busy` = maximal segments where holdings (real periods) overlap, with their summed quantity;
 * `free` = maximal open, non-blackout segments with `capacity − booked > 0` units left, each holding blocking its
 * units for `[start − buffer, end + buffer)`. Both sorted; touching segments of equal quantity are joined.
 */
export function freeAndBusy(input: {
  window: Period;
  open: Period[];
  blackouts: Period[];
  holdings: Holding[];
  capacity: number;
  bufferMinutes: number;
}): { free: Segment[]; busy: Segment[] } {
  const { window, open, blackouts, holdings, capacity } = input;
  const buffer = Math.max(0, input.bufferMinutes) * MINUTE;
  const windowPeriods = window.start.getTime() < window.end.getTime() ? [window] : [];
  const real = holdings.map((h) => ({
    start: h.period.start.getTime(),
    end: h.period.end.getTime(),
    quantity: h.quantity,
  }));
  const busy = segmentsOver(stepFunction(real), windowPeriods, (sum) => sum);
  const buffered = real.map((h) => ({ ...h, start: h.start - buffer, end: h.end + buffer }));
  const bookable = clipPeriods(subtract(open, blackouts), window);
  const free = segmentsOver(stepFunction(buffered), bookable, (sum) => capacity - sum);
  return { free, busy };
}

/** Maximal runs of touching segments that each have at least `quantity` units, as sorted periods in epoch ms. */
function runsWith(free: Segment[], quantity: number): { start: number; end: number }[] {
  const sorted = free.every((s, i) => i === 0 || free[i - 1].start.getTime() <= s.start.getTime())
    ? free
    : [...free].sort((a, b) => a.start.getTime() - b.start.getTime());
  const runs: { start: number; end: number }[] = [];
  for (const s of sorted) {
    const [start, end] = [s.start.getTime(), s.end.getTime()];
    if (s.quantity < quantity || !(start < end)) continue;
    const last = runs.at(-1);
    if (last && start <= last.end) last.end = Math.max(last.end, end);
    else runs.push({ start, end });
  }
  return runs;
}

/** Candidate offsets k from `ranges` (sorted, disjoint, inclusive) in the order −1, −2, … or 1, 2, …, skipping 0. */
function* offsets(ranges: [number, number][], direction: -1 | 1): Generator<number> {
  if (direction === 1) {
    for (const [lo, hi] of ranges) for (let k = Math.max(lo, 1); k <= hi; k++) yield k;
  } else {
    for (let r = ranges.length - 1; r >= 0; r--) {
      const [lo, hi] = ranges[r];
      for (let k = Math.min(hi, -1); k >= lo; k--) yield k;
    }
  }
}

/**
 * Up to `count` (3) periods as long as `wanted`, other than it, starting at `wanted.start ± k·step` (15 min), each
 * inside one run of touching free segments with ≥ `quantity` units and passing `accept`; nearest first, ties earlier.
 */
export function nearestFreeSlots(input: {
  wanted: Period;
  quantity: number;
  free: Segment[];
  count?: number;
  stepMinutes?: number;
  accept?: (p: Period) => boolean;
}): Period[] {
  const { wanted, quantity, free, count = 3, stepMinutes = 15, accept = () => true } = input;
  const origin = wanted.start.getTime();
  const duration = wanted.end.getTime() - origin;
  const step = stepMinutes * MINUTE;
  if (count < 1 || !(duration > 0) || !(step > 0)) return [];
  // For each run, the offsets k whose candidate [origin + k·step, … + duration) fits inside it.
  const ranges: [number, number][] = [];
  for (const run of runsWith(free, quantity)) {
    const lo = Math.ceil((run.start - origin) / step);
    const hi = Math.floor((run.end - duration - origin) / step);
    if (lo <= hi) ranges.push([lo, hi]);
  }
  const before = offsets(ranges, -1);
  const after = offsets(ranges, 1);
  let nextBefore = before.next();
  let nextAfter = after.next();
  const found: Period[] = [];
  for (let tried = 0; tried < MAX_CANDIDATES && found.length < count; tried++) {
    let k: number;
    if (!nextBefore.done && (nextAfter.done || -nextBefore.value <= nextAfter.value)) {
      k = nextBefore.value;
      nextBefore = before.next();
    } else if (!nextAfter.done) {
      k = nextAfter.value;
      nextAfter = after.next();
    } else break;
    const start = origin + k * step;
    const candidate = { start: new Date(start), end: new Date(start + duration) };
    if (accept(candidate)) found.push(candidate);
  }
  return found;
}
