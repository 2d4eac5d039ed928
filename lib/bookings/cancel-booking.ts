import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/connect";
import { bookings } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { type Actor, assertCan } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { nudgeDelivery } from "@/lib/mail/wake";
import { bookingNotice, loadBookingParties } from "@/lib/notifications/booking-notices";
import { notify } from "@/lib/notifications/notify";
import { optionalText } from "@/lib/validation";
import { lockBookingAs } from "./locate-booking";

export const cancelBookingSchema = z.object({ bookingId: z.uuid("not_found"), note: optionalText(1000) });
export type CancelBookingInput = z.input<typeof cancelBookingSchema>;

/**
 * The requester cancels before the start; the owner cancels before the end and must say why. Only pending or
 * approved bookings can be cancelled.
 */
export async function cancelBooking(db: Db, actor: Actor | null, input: CancelBookingInput, now = new Date()) {
  assertCan(actor, "bookings.request");
  const { bookingId, note } = cancelBookingSchema.parse(input);
  const result = await db.transaction(async (tx) => {
    const { booking, as } = await lockBookingAs(tx, actor, bookingId, ["requester", "owner"]);
    if (booking.status !== "pending" && booking.status !== "approved") {
      throw new AppError("invalid_state", { status: booking.status });
    }
    // An organisation cancelling its own request on its own resource acts as the requester.
    const asRequester = booking.organisationId === actor.organisationId;
    if (asRequester && booking.start <= now) throw new AppError("rule_violation", { violations: ["already_started"] });
    // Equipment already handed over comes back through "returned", not by cancelling.
    if (booking.handedOverAt) throw new AppError("invalid_state", { status: "handed_over" });
    if (!asRequester) {
      if (as !== "owner") throw new AppError("forbidden");
      if (booking.end <= now) throw new AppError("rule_violation", { violations: ["already_ended"] });
      if (!note) throw new AppError("validation", { field: "note", reason: "reason_required" });
    }
    await tx
      .update(bookings)
      .set({
        status: "cancelled",
        cancelledAt: now,
        cancelledBy: actor.userId,
        cancelReason: note ?? null,
        updatedAt: now,
      })
      .where(eq(bookings.id, bookingId));
    await recordAudit(tx, {
      actorUserId: actor.userId,
      organisationId: actor.organisationId,
      action: "booking.cancel",
      entityType: "booking",
      entityId: bookingId,
      before: { status: booking.status },
      after: { status: "cancelled", by: asRequester ? "requester" : "owner", reason: note ?? null },
    });
    // The other side hears of it.
    const [b] = await loadBookingParties(tx, [bookingId]);
    if (b.requesterId !== b.ownerId) {
      const notice = bookingNotice("booking_cancelled", {
        bookingId,
        to: asRequester ? b.ownerId : b.requesterId,
        exceptUserId: actor.userId,
        resourceName: b.resourceName,
        counterpart: asRequester ? b.requesterName : b.ownerName,
        period: b,
        reason: note,
      });
      await notify(tx, [notice], now);
    }
    return { id: bookingId, status: "cancelled" as const };
  });
  nudgeDelivery();
  return result;
}
