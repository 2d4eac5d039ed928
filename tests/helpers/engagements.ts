import { eq } from "drizzle-orm";
import type { Db } from "@/db/connect";
import { bookings, engagements, resources } from "@/db/schema";
import { createVolunteer } from "./factories";

/**
 * An engagement written straight to the table for a booking of an expertise offer: a new volunteer of the offer's
 * owner did the work, with `hours` in the given state (only `confirmed` counts in reports).
 */
export async function engagementFor(
  db: Db,
  bookingId: string,
  hours: number | null,
  hoursStatus: "none" | "recorded" | "confirmed" | "disputed" = "confirmed",
) {
  const [b] = await db
    .select({
      period: bookings.period,
      requesterId: bookings.organisationId,
      ownerId: resources.organisationId,
      name: resources.name,
    })
    .from(bookings)
    .innerJoin(resources, eq(resources.id, bookings.resourceId))
    .where(eq(bookings.id, bookingId));
  const volunteer = await createVolunteer(db, b.ownerId);
  const [row] = await db
    .insert(engagements)
    .values({
      volunteerId: volunteer.id,
      organisationId: b.ownerId,
      receivingOrganisationId: b.requesterId,
      bookingId,
      title: b.name,
      period: b.period,
      hours: hours === null ? null : hours.toFixed(2),
      hoursStatus,
    })
    .returning();
  return row;
}
