import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/connect";
import { auditLog, bookings } from "@/db/schema";
import { bookingNotice, loadBookingParties } from "@/lib/notifications/booking-notices";
import { notify } from "@/lib/notifications/notify";

/**
 * Moves time-driven states: a request still pending at its start expires (it is declined automatically), an
 * approved booking counts as completed after its end. Idempotent and safe with several instances running it: each
 * row changes once, under its row lock.
 */
export async function sweepBookings(db: Db, now = new Date()) {
  const at = sql`${now.toISOString()}::timestamptz`;
  return db.transaction(async (tx) => {
    const expired = await tx
      .update(bookings)
      .set({ status: "expired", decidedAt: now, updatedAt: now })
      .where(and(eq(bookings.status, "pending"), sql`lower(${bookings.period}) <= ${at}`))
      .returning({ id: bookings.id, organisationId: bookings.organisationId });
    const completed = await tx
      .update(bookings)
      .set({ status: "completed", updatedAt: now })
      .where(and(eq(bookings.status, "approved"), sql`upper(${bookings.period}) <= ${at}`))
      .returning({ id: bookings.id, organisationId: bookings.organisationId });
    const entries = [
      ...expired.map((b) => ({ ...b, action: "booking.expire", before: "pending", after: "expired" })),
      ...completed.map((b) => ({ ...b, action: "booking.complete", before: "approved", after: "completed" })),
    ];
    if (entries.length > 0) {
      await tx.insert(auditLog).values(
        entries.map((e) => ({
          at: now,
          actorUserId: null,
          organisationId: e.organisationId,
          action: e.action,
          entityType: "booking",
          entityId: e.id,
          before: { status: e.before },
          after: { status: e.after },
        })),
      );
    }
    // The requester hears that nobody answered in time.
    const parties = await loadBookingParties(
      tx,
      expired.map((b) => b.id),
    );
    const notices = parties
      .filter((b) => b.requesterId !== b.ownerId)
      .map((b) =>
        bookingNotice("booking_expired", {
          bookingId: b.id,
          to: b.requesterId,
          resourceName: b.resourceName,
          counterpart: b.ownerName,
          period: b,
        }),
      );
    if (notices.length > 0) await notify(tx, notices, now);
    return { expired: expired.length, completed: completed.length };
  });
}
