import { eq } from "drizzle-orm";
import type { Db } from "@/db/connect";
import { bookings, resources } from "@/db/schema";
import type { Actor } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { bookingEnd, bookingStart } from "@/lib/resources/booking-context";

/** What the volunteer use-cases read of a request and its resource (joined on `resources`). */
export const offerBookingColumns = {
  id: bookings.id,
  status: bookings.status,
  start: bookingStart,
  end: bookingEnd,
  requesterId: bookings.organisationId,
  ownerId: resources.organisationId,
  resourceId: resources.id,
  resourceName: resources.name,
  resourceKind: resources.kind,
  details: resources.details,
};

/**
 * Locks a request for an expertise offer for its owner. A booking the actor's organisation is no party to is
 * `not_found`; the requester (who may see it) gets `forbidden`; a booking of premises or equipment has no team.
 */
export async function lockOfferBooking(tx: Db, actor: Actor, bookingId: string) {
  const [row] = await tx
    .select(offerBookingColumns)
    .from(bookings)
    .innerJoin(resources, eq(resources.id, bookings.resourceId))
    .where(eq(bookings.id, bookingId))
    .for("update", { of: bookings });
  if (!row || (row.ownerId !== actor.organisationId && row.requesterId !== actor.organisationId)) {
    throw new AppError("not_found");
  }
  if (row.ownerId !== actor.organisationId) throw new AppError("forbidden");
  if (row.resourceKind !== "expertise") throw new AppError("invalid_state", { status: "not_expertise" });
  return row;
}
