import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/connect";
import { bookings, organisations } from "@/db/schema";
import { type Actor, assertCan } from "@/lib/auth/permissions";
import { freeAndBusy } from "@/lib/domain/availability";
import { checkBookingRules } from "@/lib/domain/booking-rules";
import { openIntervals } from "@/lib/domain/opening-hours";
import type { Period, Segment } from "@/lib/domain/types";
import { intFrom } from "@/lib/validation";
import {
  bookingEnd,
  bookingStart,
  HOLDING_STATUSES,
  loadBlackouts,
  loadHoldings,
  loadOpeningHours,
  rulesOf,
} from "./booking-context";
import { findVisibleResource } from "./resource-access";
import { instantInput, periodIssues } from "./resource-schema";

const MINUTE = 60_000;
const DAY = 86_400_000;
const MAX_WINDOW_DAYS = 62;
const SLOT_DAYS = 28;
const STEP_MINUTES = 15;

/** `?from=&to=` of GET /api/v1/resources/{id}/availability. */
export const availabilityQuerySchema = z.object({ from: instantInput, to: instantInput });

export const availabilitySchema = availabilityQuerySchema
  .extend({ resourceId: z.uuid("not_found") })
  .superRefine((v, ctx) => {
    for (const issue of periodIssues(v.from, v.to, MAX_WINDOW_DAYS, "to")) ctx.addIssue(issue);
  });
export type AvailabilityInput = z.input<typeof availabilitySchema>;

/** One booking that holds time in the window; what it is for and who asked only for the owner and the requester. */
export interface AvailabilityBooking {
  id: string;
  start: Date;
  end: Date;
  quantity: number;
  status: "pending" | "approved";
  /** The actor's organisation made this booking. */
  mine: boolean;
  purpose?: string;
  organisation?: { slug: string; name: string };
}

export interface Availability {
  resourceId: string;
  from: Date;
  to: Date;
  /** Units that can still be booked; open hours only, closures and buffers taken out. */
  free: Segment[];
  /** Units held by pending or approved bookings. */
  busy: Segment[];
  bookings: AvailabilityBooking[];
  blackouts: { start: Date; end: Date; reason: string }[];
}

/** Free and busy time of a visible resource in a window of at most 62 days. */
export async function getAvailability(db: Db, actor: Actor | null, input: AvailabilityInput): Promise<Availability> {
  assertCan(actor, "organisation.view");
  const q = availabilitySchema.parse(input);
  const { row } = await findVisibleResource(db, actor, q.resourceId);
  const window = { start: q.from, end: q.to };
  const [hours, closures, holdings, held] = await Promise.all([
    loadOpeningHours(db, row.id),
    loadBlackouts(db, row.id, window),
    loadHoldings(db, row.id, widen(window, row.bufferMinutes)),
    db
      .select({
        id: bookings.id,
        start: bookingStart,
        end: bookingEnd,
        quantity: bookings.quantity,
        status: bookings.status,
        purpose: bookings.purpose,
        organisationId: bookings.organisationId,
        slug: organisations.slug,
        name: organisations.name,
      })
      .from(bookings)
      .innerJoin(organisations, eq(organisations.id, bookings.organisationId))
      .where(
        and(
          eq(bookings.resourceId, row.id),
          inArray(bookings.status, [...HOLDING_STATUSES]),
          sql`${bookings.period} && tstzrange(${q.from.toISOString()}::timestamptz, ${q.to.toISOString()}::timestamptz, '[)')`,
        ),
      )
      .orderBy(asc(bookingStart)),
  ]);
  const { free, busy } = freeAndBusy({
    window,
    open: openIntervals(hours, window),
    blackouts: closures.map((b) => ({ start: b.start, end: b.end })),
    holdings,
    capacity: row.quantity,
    bufferMinutes: row.bufferMinutes,
  });
  const owner = row.organisationId === actor.organisationId;
  return {
    resourceId: row.id,
    from: q.from,
    to: q.to,
    free,
    busy,
    bookings: held.map((b) => {
      const mine = b.organisationId === actor.organisationId;
      const seen: AvailabilityBooking = {
        id: b.id,
        start: b.start,
        end: b.end,
        quantity: b.quantity,
        status: b.status as AvailabilityBooking["status"],
        mine,
      };
      return owner || mine ? { ...seen, purpose: b.purpose, organisation: { slug: b.slug, name: b.name } } : seen;
    }),
    blackouts: closures.map((b) => ({ start: b.start, end: b.end, reason: b.reason })),
  };
}

export const nextFreeSlotsSchema = z.object({
  resourceId: z.uuid("not_found"),
  durationMinutes: intFrom(1, SLOT_DAYS * 24 * 60),
  quantity: intFrom(1, 100_000).optional().default(1),
  count: intFrom(1, 20).optional().default(3),
});
export type NextFreeSlotsInput = z.input<typeof nextFreeSlotsSchema>;

/**
 * The next `count` (3) periods of `durationMinutes` in the coming 28 days, on a 15-minute grid, that are free for
 * `quantity` units and break no booking rule (hours, closures, lead time, horizon, length); soonest first and not
 * overlapping one another (so "12:00, 12:15, 12:30" does not fill the list).
 */
export async function nextFreeSlots(
  db: Db,
  actor: Actor | null,
  input: NextFreeSlotsInput,
  now: Date = new Date(),
): Promise<Period[]> {
  assertCan(actor, "organisation.view");
  const q = nextFreeSlotsSchema.parse(input);
  const { row } = await findVisibleResource(db, actor, q.resourceId);
  if (row.status !== "active") return [];
  const rules = rulesOf(row);
  const duration = q.durationMinutes * MINUTE;
  const step = STEP_MINUTES * MINUTE;
  const first = Math.ceil((now.getTime() + (rules.leadMinutes ?? 0) * MINUTE) / step) * step;
  const window = { start: new Date(first), end: new Date(now.getTime() + SLOT_DAYS * DAY) };
  if (window.end.getTime() - first < duration) return [];

  const [hours, closures, holdings] = await Promise.all([
    loadOpeningHours(db, row.id),
    loadBlackouts(db, row.id, window),
    loadHoldings(db, row.id, widen(window, row.bufferMinutes)),
  ]);
  const blackouts = closures.map((b) => ({ start: b.start, end: b.end }));
  const accept = (period: Period) =>
    checkBookingRules({ period, quantity: q.quantity, now, rules, hours, blackouts }).length === 0;
  // Rules that no start time can satisfy (length, units) would make every candidate fail: answer at once.
  const hopeless = checkBookingRules({
    period: { start: window.start, end: new Date(first + duration) },
    quantity: q.quantity,
    now,
    rules,
    hours: [],
    blackouts: [],
  }).some((v) => v === "too_short" || v === "too_long" || v === "too_many_units");
  if (hopeless) return [];

  const { free } = freeAndBusy({
    window,
    open: openIntervals(hours, window),
    blackouts,
    holdings,
    capacity: row.quantity,
    bufferMinutes: row.bufferMinutes,
  });
  // Walk the stretches with enough units on the 15-minute grid; after a slot, the next one starts where it ends.
  const slots: Period[] = [];
  for (const run of runsWith(free, q.quantity)) {
    let at = Math.ceil(Math.max(run.start, first) / step) * step;
    while (at + duration <= run.end && slots.length < q.count) {
      const period = { start: new Date(at), end: new Date(at + duration) };
      if (accept(period)) {
        slots.push(period);
        at = Math.ceil((at + duration) / step) * step;
      } else at += step;
    }
    if (slots.length >= q.count) break;
  }
  return slots;
}

/** Sorted stretches of touching free segments that each have at least `quantity` units, in epoch ms. */
function runsWith(free: Segment[], quantity: number): { start: number; end: number }[] {
  const runs: { start: number; end: number }[] = [];
  for (const s of [...free].sort((a, b) => a.start.getTime() - b.start.getTime())) {
    if (s.quantity < quantity) continue;
    const last = runs.at(-1);
    if (last && s.start.getTime() <= last.end) last.end = Math.max(last.end, s.end.getTime());
    else runs.push({ start: s.start.getTime(), end: s.end.getTime() });
  }
  return runs;
}

/** The window with the buffer added on both sides, so bookings whose buffer reaches into it are seen. */
const widen = (window: Period, bufferMinutes: number): Period => ({
  start: new Date(window.start.getTime() - bufferMinutes * MINUTE),
  end: new Date(window.end.getTime() + bufferMinutes * MINUTE),
});
