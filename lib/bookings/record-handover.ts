import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/connect";
import { bookings } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { type Actor, assertCan } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { optionalText } from "@/lib/validation";
import { lockBookingAs } from "./locate-booking";

export const handoverSchema = z.object({
  bookingId: z.uuid("not_found"),
  step: z.enum(["handed_over", "returned"], "invalid"),
  note: optionalText(1000),
});

/** The owner records that lent equipment left and came back (with a note on its condition). */
export async function recordHandover(
  db: Db,
  actor: Actor | null,
  input: z.input<typeof handoverSchema>,
  now = new Date(),
) {
  assertCan(actor, "bookings.decide");
  const { bookingId, step, note } = handoverSchema.parse(input);
  return db.transaction(async (tx) => {
    const { booking } = await lockBookingAs(tx, actor, bookingId, ["owner"]);
    if (booking.resourceKind !== "equipment") throw new AppError("rule_violation", { violations: ["not_equipment"] });
    if (booking.status !== "approved" && booking.status !== "completed") {
      throw new AppError("invalid_state", { status: booking.status });
    }
    if (step === "handed_over" && booking.handedOverAt) throw new AppError("invalid_state", { status: "handed_over" });
    if (step === "returned" && (!booking.handedOverAt || booking.returnedAt)) {
      throw new AppError("invalid_state", { status: booking.returnedAt ? "returned" : "not_handed_over" });
    }
    const set =
      step === "handed_over"
        ? { handedOverAt: now, handedOverBy: actor.userId, updatedAt: now }
        : { returnedAt: now, returnedBy: actor.userId, conditionNote: note ?? null, updatedAt: now };
    await tx.update(bookings).set(set).where(eq(bookings.id, bookingId));
    await recordAudit(tx, {
      actorUserId: actor.userId,
      organisationId: actor.organisationId,
      action: `booking.${step}`,
      entityType: "booking",
      entityId: bookingId,
      after: { step, note: note ?? null },
    });
    return { id: bookingId, step };
  });
}
