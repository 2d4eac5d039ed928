import { and, eq, gte, inArray, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/connect";
import { bookingSeries, bookings } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { type Actor, assertCan } from "@/lib/auth/permissions";
import { freeAndBusy } from "@/lib/domain/availability";
import { checkBookingRules } from "@/lib/domain/booking-rules";
import { toRange } from "@/lib/domain/period";
import { expandRecurrence, type RecurrenceRule } from "@/lib/domain/recurrence";
import type { Period, RuleViolation, Segment, Weekday } from "@/lib/domain/types";
import { AppError, sqlState } from "@/lib/errors";
import { nudgeDelivery } from "@/lib/mail/wake";
import { bookingNotice, loadBookingParties } from "@/lib/notifications/booking-notices";
import { notify } from "@/lib/notifications/notify";
import {
  bookingStart,
  loadBlackouts,
  loadBookableResource,
  loadHoldings,
  loadOpeningHours,
  type ResourceRow,
  rulesOf,
} from "@/lib/resources/booking-context";
import { intFrom, optionalText } from "@/lib/validation";

const localDay = z.string("invalid").regex(/^\d{4}-\d{2}-\d{2}$/, "invalid");
const clock = z.string("bad_time").regex(/^(([01]\d|2[0-3]):[0-5]\d|24:00)$/, "bad_time");

export const recurringBookingSchema = z
  .object({
    resourceId: z.uuid("not_found"),
    frequency: z.enum(["weekly", "biweekly", "monthly"], "invalid"),
    weekdays: z.preprocess(
      (v) => (Array.isArray(v) ? v : v === undefined || v === "" ? [] : [v]),
      z.array(intFrom(1, 7)).min(1, "required").max(7, "invalid"),
    ),
    startDate: localDay,
    startTime: clock,
    endTime: clock,
    until: localDay.optional().or(z.literal("").transform(() => undefined)),
    count: intFrom(1, 104)
      .optional()
      .or(z.literal("").transform(() => undefined)),
    quantity: intFrom(1, 100_000).optional().default(1),
    purpose: z.string("required").trim().min(1, "required").max(300, "too_long"),
    attendees: intFrom(1, 100_000)
      .optional()
      .or(z.literal("").transform(() => undefined)),
    note: optionalText(2000),
    mode: z.enum(["skip_conflicts", "all_or_nothing"], "invalid").optional().default("skip_conflicts"),
  })
  .refine((v) => (v.until === undefined) !== (v.count === undefined), { message: "until_or_count", path: ["count"] })
  .refine((v) => v.startTime < v.endTime || v.endTime === "24:00", { message: "end_before_start", path: ["endTime"] });
export type RecurringBookingInput = z.input<typeof recurringBookingSchema>;

export interface Occurrence {
  start: Date;
  end: Date;
  state: "free" | "conflict" | "rule_violation";
  violations: RuleViolation[];
}

/** Whether consecutive free segments cover the whole period with at least `quantity` units each. */
function covered(free: Segment[], period: Period, quantity: number): boolean {
  let at = period.start.getTime();
  for (const s of free) {
    if (s.end.getTime() <= at) continue;
    if (s.start.getTime() > at || s.quantity < quantity) return false;
    at = s.end.getTime();
    if (at >= period.end.getTime()) return true;
  }
  return false;
}

async function plan(db: Db, data: z.output<typeof recurringBookingSchema>, now: Date) {
  const resource = await loadBookableResource(db, data.resourceId);
  const rule: RecurrenceRule = {
    frequency: data.frequency,
    weekdays: data.weekdays as Weekday[],
    startDate: data.startDate,
    startTime: data.startTime,
    endTime: data.endTime,
    ...(data.until ? { until: data.until } : { count: data.count }),
  };
  let periods: Period[];
  try {
    periods = expandRecurrence(rule);
  } catch (error) {
    const reason =
      error instanceof RangeError && error.message === "too_many_occurrences" ? "too_many_occurrences" : "invalid";
    throw new AppError("validation", { field: "until", reason });
  }
  if (periods.length === 0) throw new AppError("validation", { field: "startDate", reason: "no_occurrences" });
  const span = { start: periods[0].start, end: periods[periods.length - 1].end };
  const window = { start: new Date(span.start.getTime() - 86_400_000), end: new Date(span.end.getTime() + 86_400_000) };
  const [hours, blackoutRows, holdings] = await Promise.all([
    loadOpeningHours(db, resource.id),
    loadBlackouts(db, resource.id, window),
    loadHoldings(db, resource.id, window),
  ]);
  const blackouts = blackoutRows.map((b) => ({ start: b.start, end: b.end }));
  const { free } = freeAndBusy({
    window,
    open: [window],
    blackouts: [],
    holdings,
    capacity: resource.quantity,
    bufferMinutes: resource.bufferMinutes,
  });
  const rules = rulesOf(resource);
  const occurrences: Occurrence[] = periods.map((period) => {
    const violations = checkBookingRules({ period, quantity: data.quantity, now, rules, hours, blackouts });
    if (violations.length > 0) return { ...period, state: "rule_violation", violations };
    return { ...period, state: covered(free, period, data.quantity) ? "free" : "conflict", violations: [] };
  });
  return { resource, rule, occurrences };
}

/** Every occurrence of a recurring request and whether it is free, taken, or against the resource's rules. */
export async function previewRecurringBooking(
  db: Db,
  actor: Actor | null,
  input: RecurringBookingInput,
  now = new Date(),
) {
  assertCan(actor, "bookings.request");
  const data = recurringBookingSchema.parse(input);
  const { occurrences } = await plan(db, data, now);
  return { occurrences };
}

/**
 * Books a recurring request as a series of ordinary bookings (Europe/Warsaw wall-clock times across clock
 * changes). `skip_conflicts` books every free occurrence and lists the rest; `all_or_nothing` books all or none.
 * Each occurrence passes the same database guard as a single booking.
 */
export async function createRecurringBooking(
  db: Db,
  actor: Actor | null,
  input: RecurringBookingInput,
  now = new Date(),
) {
  assertCan(actor, "bookings.request");
  const data = recurringBookingSchema.parse(input);
  const { resource, rule, occurrences } = await plan(db, data, now);
  const blocked = occurrences.filter((o) => o.state !== "free");
  if (data.mode === "all_or_nothing" && blocked.length > 0) {
    throw new AppError("conflict", { alternatives: [], occurrences: blocked.map(describe) });
  }
  const skipped: { start: Date; end: Date; reason: string }[] = blocked.map((o) => ({
    start: o.start,
    end: o.end,
    reason: o.state === "conflict" ? "conflict" : o.violations.join(","),
  }));
  try {
    const result = await db.transaction(async (tx) => {
      const [series] = await tx
        .insert(bookingSeries)
        .values({
          resourceId: resource.id,
          organisationId: actor.organisationId,
          userId: actor.userId,
          rule: { ...rule, quantity: data.quantity },
          purpose: data.purpose,
          createdAt: now,
        })
        .returning({ id: bookingSeries.id });
      let created = 0;
      for (const o of occurrences.filter((x) => x.state === "free")) {
        const insert = (db2: Db) => insertOccurrence(db2, actor, resource, data, series.id, o, now);
        if (data.mode === "all_or_nothing") {
          await insert(tx);
          created++;
          continue;
        }
        try {
          // A savepoint per occurrence: one that lost a race is skipped, the others stay.
          await tx.transaction(async (sp) => insert(sp));
          created++;
        } catch (error) {
          const state = sqlState(error);
          if (state !== "23P01" && state !== "40P01") throw error;
          skipped.push({ start: o.start, end: o.end, reason: "conflict" });
        }
      }
      if (created === 0) throw new AppError("conflict", { alternatives: [], occurrences: skipped.map(describe) });
      await recordAudit(tx, {
        actorUserId: actor.userId,
        organisationId: actor.organisationId,
        action: "booking_series.create",
        entityType: "booking_series",
        entityId: series.id,
        after: { resourceId: resource.id, rule, created, skipped: skipped.length },
      });
      // One notice for the whole series, not one per date.
      const first = occurrences.find((o) => o.state === "free");
      if (first && resource.organisationId !== actor.organisationId) {
        const notice = bookingNotice("series_request", {
          bookingId: null,
          to: resource.organisationId,
          exceptUserId: actor.userId,
          resourceName: resource.name,
          counterpart: actor.organisationName,
          period: first,
          count: created,
          link: "/bookings?scope=incoming",
        });
        await notify(tx, [notice], now);
      }
      skipped.sort((a, b) => a.start.getTime() - b.start.getTime());
      return { seriesId: series.id, created, skipped };
    });
    nudgeDelivery();
    return result;
  } catch (error) {
    const state = sqlState(error);
    if (state === "23P01" || state === "40P01") throw new AppError("conflict", { alternatives: [] });
    throw error;
  }
}

const describe = (o: { start: Date; end: Date }) => ({ start: o.start.toISOString(), end: o.end.toISOString() });

async function insertOccurrence(
  tx: Db,
  actor: Actor,
  resource: ResourceRow,
  data: z.output<typeof recurringBookingSchema>,
  seriesId: string,
  o: Occurrence,
  now: Date,
) {
  const instant = resource.bookingMode === "instant";
  const [row] = await tx
    .insert(bookings)
    .values({
      resourceId: resource.id,
      organisationId: actor.organisationId,
      userId: actor.userId,
      period: toRange(o),
      quantity: data.quantity,
      status: instant ? "approved" : "pending",
      purpose: data.purpose,
      attendees: data.attendees ?? null,
      note: data.note ?? null,
      decidedAt: instant ? now : null,
      seriesId,
      createdAt: now,
      updatedAt: now,
    })
    .returning({ id: bookings.id, status: bookings.status });
  await recordAudit(tx, {
    actorUserId: actor.userId,
    organisationId: actor.organisationId,
    action: "booking.create",
    entityType: "booking",
    entityId: row.id,
    after: {
      resourceId: resource.id,
      start: o.start,
      end: o.end,
      quantity: data.quantity,
      status: row.status,
      seriesId,
    },
  });
}

export const cancelSeriesSchema = z.object({
  seriesId: z.uuid("not_found"),
  /** Cancel this occurrence and every later one; without it, every future occurrence. */
  fromBookingId: z.uuid("not_found").optional(),
  note: optionalText(1000),
});

/** The requesting organisation cancels a whole series, or one occurrence and all after it, if not yet started. */
export async function cancelSeries(
  db: Db,
  actor: Actor | null,
  input: z.input<typeof cancelSeriesSchema>,
  now = new Date(),
) {
  assertCan(actor, "bookings.request");
  const { seriesId, fromBookingId, note } = cancelSeriesSchema.parse(input);
  const result = await db.transaction(async (tx) => {
    const [series] = await tx
      .select({ id: bookingSeries.id, resourceId: bookingSeries.resourceId })
      .from(bookingSeries)
      .where(and(eq(bookingSeries.id, seriesId), eq(bookingSeries.organisationId, actor.organisationId)));
    if (!series) throw new AppError("not_found");
    let from = now;
    if (fromBookingId) {
      const [first] = await tx
        .select({ start: bookingStart })
        .from(bookings)
        .where(and(eq(bookings.id, fromBookingId), eq(bookings.seriesId, seriesId)));
      if (!first) throw new AppError("not_found");
      if (first.start > from) from = first.start;
    }
    const cancelled = await tx
      .update(bookings)
      .set({
        status: "cancelled",
        cancelledAt: now,
        cancelledBy: actor.userId,
        cancelReason: note ?? null,
        updatedAt: now,
      })
      .where(
        and(
          eq(bookings.seriesId, seriesId),
          inArray(bookings.status, ["pending", "approved"]),
          gte(sql`lower(${bookings.period})`, sql`${from.toISOString()}::timestamptz`),
        ),
      )
      .returning({ id: bookings.id });
    for (const b of cancelled) {
      await recordAudit(tx, {
        actorUserId: actor.userId,
        organisationId: actor.organisationId,
        action: "booking.cancel",
        entityType: "booking",
        entityId: b.id,
        after: { status: "cancelled", by: "requester", seriesId },
      });
    }
    const [b] = await loadBookingParties(
      tx,
      cancelled.slice(0, 1).map((c) => c.id),
    );
    if (b && b.ownerId !== b.requesterId) {
      const notice = bookingNotice("series_cancelled", {
        bookingId: null,
        to: b.ownerId,
        exceptUserId: actor.userId,
        resourceName: b.resourceName,
        counterpart: b.requesterName,
        period: b,
        count: cancelled.length,
        reason: note,
        link: "/bookings?scope=incoming",
      });
      await notify(tx, [notice], now);
    }
    return { cancelled: cancelled.length };
  });
  nudgeDelivery();
  return result;
}
