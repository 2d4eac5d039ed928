import { createHash, randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/connect";
import { bookings } from "@/db/schema";
import { type Actor, assertCan } from "@/lib/auth/permissions";
import { checkBookingRules } from "@/lib/domain/booking-rules";
import { toRange } from "@/lib/domain/period";
import { AppError, sqlState } from "@/lib/errors";
import { nudgeDelivery } from "@/lib/mail/wake";
import { bookingNotice } from "@/lib/notifications/booking-notices";
import { noticeCtes } from "@/lib/notifications/notify";
import { loadBookingContext, rowsOf, rulesOf } from "@/lib/resources/booking-context";
import { intFrom, isoInstant, optionalText } from "@/lib/validation";
import { findAlternatives } from "./alternatives";
import { type BookingView, selectBookingViews } from "./booking-view";

export const createBookingSchema = z
  .object({
    resourceId: z.uuid("not_found"),
    start: isoInstant,
    end: isoInstant,
    quantity: intFrom(1, 100_000).optional().default(1),
    purpose: z.string("required").trim().min(1, "required").max(300, "too_long"),
    attendees: intFrom(1, 100_000).optional(),
    note: optionalText(2000),
  })
  // Compared only when both parsed as dates; a malformed one has its own error already.
  .refine((v) => !(v.start instanceof Date && v.end instanceof Date) || v.end > v.start, {
    message: "end_before_start",
    path: ["end"],
  });
export type CreateBookingInput = z.input<typeof createBookingSchema>;

export const idempotencyKeySchema = z
  .string()
  .trim()
  .min(8, "idempotency_key")
  .max(200, "idempotency_key")
  .regex(/^[\w.:-]+$/, "idempotency_key");

export interface CreateBookingOptions {
  now?: Date;
  /** Retrying with the same key returns the first result; the same key with another body is refused. */
  idempotencyKey?: string;
  seriesId?: string;
}

export type CreatedBooking = BookingView & { replayed: boolean };

const hashRequest = (data: z.output<typeof createBookingSchema>) =>
  createHash("sha256")
    .update(
      JSON.stringify([
        data.resourceId,
        data.start.toISOString(),
        data.end.toISOString(),
        data.quantity,
        data.purpose,
        data.attendees ?? null,
        data.note ?? null,
      ]),
    )
    .digest("hex");

async function replay(db: Db, actor: Actor, key: string, requestHash: string): Promise<CreatedBooking | null> {
  const [row] = await db
    .select({ id: bookings.id, requestHash: bookings.requestHash })
    .from(bookings)
    .where(and(eq(bookings.organisationId, actor.organisationId), eq(bookings.idempotencyKey, key)))
    .limit(1);
  if (!row) return null;
  if (row.requestHash !== requestHash) throw new AppError("idempotency_mismatch");
  const [view] = await selectBookingViews(db).where(eq(bookings.id, row.id));
  return { ...view, replayed: true };
}

/**
 * Requests a resource for a period. Rules (opening hours, blackouts, lead time, limits, units) are checked here;
 * overlaps and unit counts by the database, whose refusal becomes a `conflict` with the three nearest free slots.
 * Instant resources are approved at once; the others wait as `pending` and hold the slot.
 */
export async function createBooking(
  db: Db,
  actor: Actor | null,
  input: CreateBookingInput,
  options: CreateBookingOptions = {},
): Promise<CreatedBooking> {
  assertCan(actor, "bookings.request");
  const data = createBookingSchema.parse(input);
  const now = options.now ?? new Date();
  const key = options.idempotencyKey === undefined ? undefined : idempotencyKeySchema.parse(options.idempotencyKey);
  const requestHash = hashRequest(data);
  if (key) {
    const previous = await replay(db, actor, key, requestHash);
    if (previous) return previous;
  }

  const period = { start: data.start, end: data.end };
  const { resource, owner, hours, blackouts } = await loadBookingContext(db, data.resourceId, period);
  const violations = checkBookingRules({
    period,
    quantity: data.quantity,
    now,
    rules: rulesOf(resource),
    hours,
    blackouts,
  });
  if (violations.length > 0) throw new AppError("rule_violation", { violations });

  const status = resource.bookingMode === "instant" ? "approved" : "pending";
  const audit = {
    resourceId: resource.id,
    start: period.start,
    end: period.end,
    quantity: data.quantity,
    status,
    purpose: data.purpose,
  };
  // The id is chosen here so the owner's notices (in-app and e-mail, with links to the booking) join the statement.
  const bookingId = randomUUID();
  const notice =
    owner.id === actor.organisationId
      ? sql``
      : sql`, ${noticeCtes(
          bookingNotice(status === "approved" ? "booking_created" : "booking_request", {
            bookingId,
            to: owner.id,
            exceptUserId: actor.userId,
            resourceName: resource.name,
            counterpart: actor.organisationName,
            period,
          }),
          now,
          "owner",
        )}`;
  try {
    // One statement, so one round trip and atomic on its own: the booking (guarded by the trigger and the exclusion
    // constraint), its audit entry and the owner's notices.
    const [row] = rowsOf<{ id: string; created_at: string | Date }>(
      await db.execute(sql`
        with b as (
          insert into bookings (id, resource_id, organisation_id, user_id, period, quantity, status, purpose, attendees, note,
                                decided_at, idempotency_key, request_hash, series_id, created_at, updated_at)
          values (${bookingId}::uuid, ${resource.id}, ${actor.organisationId}, ${actor.userId}, ${toRange(period)}::tstzrange, ${data.quantity},
                  ${status}::booking_status, ${data.purpose}, ${data.attendees ?? null}, ${data.note ?? null},
                  ${status === "approved" ? now.toISOString() : null}::timestamptz, ${key ?? null}, ${key ? requestHash : null},
                  ${options.seriesId ?? null}::uuid, ${now.toISOString()}::timestamptz, ${now.toISOString()}::timestamptz)
          returning id, created_at
        ), a as (
          insert into audit_log (at, actor_user_id, organisation_id, action, entity_type, entity_id, after)
          select ${now.toISOString()}::timestamptz, ${actor.userId}, ${actor.organisationId}, 'booking.create', 'booking', b.id::text,
                 ${JSON.stringify(audit)}::jsonb
          from b
        )${notice}
        select id, created_at from b`),
    );
    if (owner.id !== actor.organisationId) nudgeDelivery();
    return {
      id: row.id,
      status,
      start: period.start,
      end: period.end,
      quantity: data.quantity,
      purpose: data.purpose,
      attendees: data.attendees ?? null,
      note: data.note ?? null,
      decisionNote: null,
      cancelReason: null,
      seriesId: options.seriesId ?? null,
      handedOverAt: null,
      returnedAt: null,
      conditionNote: null,
      createdAt: new Date(row.created_at),
      resourceId: resource.id,
      resourceName: resource.name,
      resourceKind: resource.kind,
      ownerId: owner.id,
      ownerSlug: owner.slug,
      ownerName: owner.name,
      requesterId: actor.organisationId,
      requesterSlug: actor.organisationSlug,
      requesterName: actor.organisationName,
      replayed: false,
    };
  } catch (error) {
    const state = sqlState(error);
    // A retry racing its own first attempt may be refused by the unit count before the key's unique index: replay.
    if ((state === "23P01" || state === "40P01" || state === "23505") && key) {
      const previous = await replay(db, actor, key, requestHash);
      if (previous) return previous;
    }
    // 23P01: the exclusion constraint or the unit count refused; 40P01: a racing writer lost a deadlock. Both: taken.
    if (state === "23P01" || state === "40P01") {
      const alternatives = await findAlternatives(db, resource, hours, period, data.quantity, now);
      throw new AppError("conflict", {
        alternatives: alternatives.map((p) => ({ start: p.start.toISOString(), end: p.end.toISOString() })),
      });
    }
    throw error;
  }
}
