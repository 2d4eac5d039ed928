import { eq } from "drizzle-orm";
import type { Db } from "@/db/connect";
import { bookings, resources } from "@/db/schema";
import type { Actor } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { bookingEnd, bookingStart } from "@/lib/resources/booking-context";

export type Party = "owner" | "requester";

/**
 * Locks a booking inside a transaction and tells which party the actor is. A booking the actor's organisation is
 * no party to is `not_found` (its existence is not confirmed); a party without the needed role is `forbidden`.
 */
export async function lockBookingAs(tx: Db, actor: Actor, bookingId: string, allowed: Party[]) {
  const [row] = await tx
    .select({
      id: bookings.id,
      status: bookings.status,
      start: bookingStart,
      end: bookingEnd,
      organisationId: bookings.organisationId,
      ownerId: resources.organisationId,
      resourceKind: resources.kind,
      handedOverAt: bookings.handedOverAt,
      returnedAt: bookings.returnedAt,
      seriesId: bookings.seriesId,
    })
    .from(bookings)
    .innerJoin(resources, eq(resources.id, bookings.resourceId))
    .where(eq(bookings.id, bookingId))
    .for("update", { of: bookings });
  if (!row) throw new AppError("not_found");
  const parties: Party[] = [];
  if (row.ownerId === actor.organisationId) parties.push("owner");
  if (row.organisationId === actor.organisationId) parties.push("requester");
  if (parties.length === 0) throw new AppError("not_found");
  const as = parties.find((p) => allowed.includes(p));
  if (!as) throw new AppError("forbidden");
  return { booking: row, as };
}
