import { eq, inArray } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db } from "@/db/connect";
import { bookings, organisations, resources } from "@/db/schema";
import type { Period } from "@/lib/domain/types";
import { bookingEnd, bookingStart } from "@/lib/resources/booking-context";
import type { NoticeKind } from "./kinds";
import type { Notice } from "./notify";

export interface BookingNoticeInput {
  bookingId: string | null;
  /** The organisation whose members hear of it. */
  to: string;
  exceptUserId?: string | null;
  resourceName: string;
  /** The other side, named in the message. */
  counterpart: string;
  period: Period;
  reason?: string | null;
  count?: number;
  link?: string;
}

/** A notice about a booking, linking to its page (or to `link`, e.g. the agenda for a series). */
export function bookingNotice(kind: NoticeKind, input: BookingNoticeInput): Notice {
  return {
    kind,
    audience: { organisationIds: [input.to] },
    exceptUserId: input.exceptUserId ?? null,
    bookingId: input.bookingId,
    link: input.link ?? (input.bookingId ? `/bookings/${input.bookingId}` : "/bookings"),
    params: {
      resource: input.resourceName,
      organisation: input.counterpart,
      start: input.period.start.toISOString(),
      end: input.period.end.toISOString(),
      reason: input.reason ?? null,
      ...(input.count === undefined ? {} : { count: input.count }),
    },
  };
}

const owners = alias(organisations, "owners");

/** The two sides of some bookings and what they are about, for the messages that tell them. */
export async function loadBookingParties(tx: Db, bookingIds: string[]) {
  if (bookingIds.length === 0) return [];
  return tx
    .select({
      id: bookings.id,
      start: bookingStart,
      end: bookingEnd,
      resourceName: resources.name,
      resourceKind: resources.kind,
      ownerId: owners.id,
      ownerName: owners.name,
      requesterId: organisations.id,
      requesterName: organisations.name,
    })
    .from(bookings)
    .innerJoin(resources, eq(resources.id, bookings.resourceId))
    .innerJoin(owners, eq(owners.id, resources.organisationId))
    .innerJoin(organisations, eq(organisations.id, bookings.organisationId))
    .where(inArray(bookings.id, bookingIds));
}

export type BookingParties = Awaited<ReturnType<typeof loadBookingParties>>[number];
