import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/connect";
import { bookings } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { type Actor, assertCan } from "@/lib/auth/permissions";
import { AppError, sqlState } from "@/lib/errors";
import { nudgeDelivery } from "@/lib/mail/wake";
import { bookingNotice, loadBookingParties } from "@/lib/notifications/booking-notices";
import { notify } from "@/lib/notifications/notify";
import { optionalText } from "@/lib/validation";
import { lockBookingAs } from "./locate-booking";

export const decideBookingSchema = z.object({ bookingId: z.uuid("not_found"), note: optionalText(1000) });
export type DecideBookingInput = z.input<typeof decideBookingSchema>;

/**
 * The owner approves or declines a pending request before it starts. Approval passes the same database guard as
 * creation (the trigger and the exclusion constraint run on the status change), so two overlapping pending
 * requests approved at once leave exactly one approved.
 */
async function decide(
  db: Db,
  actor: Actor | null,
  input: DecideBookingInput,
  decision: "approved" | "declined",
  now: Date,
) {
  assertCan(actor, "bookings.decide");
  const { bookingId, note } = decideBookingSchema.parse(input);
  try {
    const result = await db.transaction(async (tx) => {
      const { booking } = await lockBookingAs(tx, actor, bookingId, ["owner"]);
      if (booking.status !== "pending") throw new AppError("invalid_state", { status: booking.status });
      if (booking.start <= now) throw new AppError("invalid_state", { status: "expired" });
      await tx
        .update(bookings)
        .set({ status: decision, decisionNote: note ?? null, decidedBy: actor.userId, decidedAt: now, updatedAt: now })
        .where(eq(bookings.id, bookingId));
      await recordAudit(tx, {
        actorUserId: actor.userId,
        organisationId: actor.organisationId,
        action: decision === "approved" ? "booking.approve" : "booking.decline",
        entityType: "booking",
        entityId: bookingId,
        before: { status: booking.status },
        after: { status: decision, note: note ?? null },
      });
      const [b] = await loadBookingParties(tx, [bookingId]);
      if (b.requesterId !== b.ownerId) {
        const kind = decision === "approved" ? "booking_approved" : "booking_declined";
        const notice = bookingNotice(kind, {
          bookingId,
          to: b.requesterId,
          exceptUserId: actor.userId,
          resourceName: b.resourceName,
          counterpart: b.ownerName,
          period: b,
          reason: note,
        });
        await notify(tx, [notice], now);
      }
      return { id: bookingId, status: decision };
    });
    nudgeDelivery();
    return result;
  } catch (error) {
    const state = sqlState(error);
    if (state === "23P01" || state === "40P01") throw new AppError("conflict", { alternatives: [] });
    throw error;
  }
}

export const approveBooking = (db: Db, actor: Actor | null, input: DecideBookingInput, now = new Date()) =>
  decide(db, actor, input, "approved", now);

export const declineBooking = (db: Db, actor: Actor | null, input: DecideBookingInput, now = new Date()) =>
  decide(db, actor, input, "declined", now);
