import { and, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "@/db/connect";
import { bookings, engagements, resources, resourceVolunteers, volunteers } from "@/db/schema";
import { type Actor, assertCan } from "@/lib/auth/permissions";
import type { GateProblem } from "@/lib/domain/volunteer-gates";
import { AppError } from "@/lib/errors";
import { uuidParam } from "@/lib/validation";
import { type VolunteerCard, volunteerCards } from "@/lib/volunteers/visibility";
import { offerRequirement } from "./assign-volunteers";
import { gateCheck } from "./engagement-core";
import { engagementRows } from "./list-engagements";
import { offerBookingColumns } from "./offer-booking";

export interface TeamMember {
  card: VolunteerCard;
  problems: GateProblem[];
  /** Already in another active engagement at an overlapping time. */
  busy: boolean;
  assigned: boolean;
}

/**
 * The volunteers of a request for an expertise offer, for either party: the engagements (cards as the actor may see
 * them — the requester sees contact details for the time of the engagement) and, for the owner, the offer's team with
 * what keeps each member from this request. A booking the actor is no party to is `not_found`.
 */
export async function getBookingVolunteers(db: Db, actor: Actor | null, rawBookingId: string, now = new Date()) {
  assertCan(actor, "organisation.view");
  const parsed = uuidParam.safeParse(rawBookingId);
  if (!parsed.success) throw new AppError("not_found");
  const bookingId = parsed.data;
  const [b] = await db
    .select(offerBookingColumns)
    .from(bookings)
    .innerJoin(resources, eq(resources.id, bookings.resourceId))
    .where(eq(bookings.id, bookingId));
  if (!b || (b.ownerId !== actor.organisationId && b.requesterId !== actor.organisationId)) {
    throw new AppError("not_found");
  }
  if (b.resourceKind !== "expertise") return null;
  const rows = await engagementRows(db, actor, eq(engagements.bookingId, bookingId), now);
  const requirement = await offerRequirement(db, b.resourceId, b.details);
  if (b.ownerId !== actor.organisationId) return { requirement, engagements: rows, team: null };

  const teamIds = (
    await db
      .select({ id: resourceVolunteers.volunteerId })
      .from(resourceVolunteers)
      .innerJoin(volunteers, eq(volunteers.id, resourceVolunteers.volunteerId))
      .where(and(eq(resourceVolunteers.resourceId, b.resourceId), eq(volunteers.organisationId, actor.organisationId)))
  ).map((r) => r.id);
  const [cards, gates, busyRows] = await Promise.all([
    volunteerCards(db, actor.organisationId, teamIds, now),
    gateCheck(db, teamIds, requirement, b.end),
    teamIds.length === 0
      ? Promise.resolve([])
      : db
          .selectDistinct({ id: engagements.volunteerId, bookingId: engagements.bookingId })
          .from(engagements)
          .where(
            and(
              inArray(engagements.volunteerId, teamIds),
              eq(engagements.status, "active"),
              sql`${engagements.period} && tstzrange(${b.start.toISOString()}::timestamptz, ${b.end.toISOString()}::timestamptz, '[)')`,
            ),
          ),
  ]);
  const team: TeamMember[] = cards.map((card) => ({
    card,
    problems: gates.find((g) => g.id === card.id)?.problems ?? [],
    assigned: busyRows.some((r) => r.id === card.id && r.bookingId === bookingId),
    busy: busyRows.some((r) => r.id === card.id && r.bookingId !== bookingId),
  }));
  const assignable = b.status === "approved" && b.end > now;
  return { requirement, engagements: rows, team, assignable };
}

export type BookingVolunteers = NonNullable<Awaited<ReturnType<typeof getBookingVolunteers>>>;
