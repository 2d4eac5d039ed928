import { aliasedTable, eq } from "drizzle-orm";
import type { Db } from "@/db/connect";
import { bookings, organisations, resources } from "@/db/schema";
import { bookingEnd, bookingStart } from "@/lib/resources/booking-context";

const requester = aliasedTable(organisations, "requester");
const owner = aliasedTable(organisations, "owner");

/** What a party to a booking sees of it. Callers filter by organisation in `where`. */
export const bookingViewFields = {
  id: bookings.id,
  status: bookings.status,
  start: bookingStart,
  end: bookingEnd,
  quantity: bookings.quantity,
  purpose: bookings.purpose,
  attendees: bookings.attendees,
  note: bookings.note,
  decisionNote: bookings.decisionNote,
  cancelReason: bookings.cancelReason,
  seriesId: bookings.seriesId,
  handedOverAt: bookings.handedOverAt,
  returnedAt: bookings.returnedAt,
  conditionNote: bookings.conditionNote,
  createdAt: bookings.createdAt,
  resourceId: resources.id,
  resourceName: resources.name,
  resourceKind: resources.kind,
  ownerId: owner.id,
  ownerSlug: owner.slug,
  ownerName: owner.name,
  requesterId: requester.id,
  requesterSlug: requester.slug,
  requesterName: requester.name,
};

/** bookings ⨝ resource ⨝ owner ⨝ requester, ready for a `where`. */
export function selectBookingViews(db: Db) {
  return db
    .select(bookingViewFields)
    .from(bookings)
    .innerJoin(resources, eq(resources.id, bookings.resourceId))
    .innerJoin(owner, eq(owner.id, resources.organisationId))
    .innerJoin(requester, eq(requester.id, bookings.organisationId));
}

export type BookingView = Awaited<ReturnType<ReturnType<typeof selectBookingViews>["execute"]>>[number];

export { owner as ownerOrganisation, requester as requesterOrganisation };

/** The JSON form used by the API. */
export function bookingJson(b: BookingView) {
  return {
    id: b.id,
    status: b.status,
    start: b.start.toISOString(),
    end: b.end.toISOString(),
    quantity: b.quantity,
    purpose: b.purpose,
    attendees: b.attendees,
    note: b.note,
    decisionNote: b.decisionNote,
    cancelReason: b.cancelReason,
    seriesId: b.seriesId,
    handedOverAt: b.handedOverAt?.toISOString() ?? null,
    returnedAt: b.returnedAt?.toISOString() ?? null,
    resource: { id: b.resourceId, name: b.resourceName, kind: b.resourceKind },
    owner: { slug: b.ownerSlug, name: b.ownerName },
    organisation: { slug: b.requesterSlug, name: b.requesterName },
  };
}
