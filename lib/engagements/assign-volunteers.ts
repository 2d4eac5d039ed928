import { and, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/connect";
import { engagements, resourceSkills, resourceVolunteers } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { type Actor, assertCan } from "@/lib/auth/permissions";
import { toRange } from "@/lib/domain/period";
import { AppError } from "@/lib/errors";
import { nudgeDelivery } from "@/lib/mail/wake";
import { engagementNotice } from "@/lib/notifications/engagement-notices";
import { notify } from "@/lib/notifications/notify";
import { assertFree, assertGates, gateCheck, guardOverlap, skillNames } from "./engagement-core";
import { lockOfferBooking } from "./offer-booking";

/** One or more of the offer's team; a form sends the ids as repeated fields or one comma-separated value. */
export const volunteerIdsSchema = z
  .union([z.string("required"), z.array(z.string("required"))], "required")
  .transform((v) => (Array.isArray(v) ? v : v.split(",")).map((s) => s.trim()).filter(Boolean))
  .pipe(z.array(z.uuid("not_found"), "required").min(1, "choose_volunteer").max(50, "too_big"))
  .transform((ids) => [...new Set(ids)]);

export const assignVolunteersSchema = z.object({ bookingId: z.uuid("not_found"), volunteerIds: volunteerIdsSchema });
export type AssignVolunteersInput = z.input<typeof assignVolunteersSchema>;

/** What an offer asks of whoever delivers it: the children-work check (a detail) and its certified skills. */
export async function offerRequirement(tx: Db, resourceId: string, details: Record<string, unknown>) {
  const tags = await tx
    .select({ skillId: resourceSkills.skillId, certificateRequired: resourceSkills.certificateRequired })
    .from(resourceSkills)
    .where(eq(resourceSkills.resourceId, resourceId));
  const names = await skillNames(
    tx,
    tags.map((t) => t.skillId),
  );
  return {
    childrenCheckRequired: details.childrenCheck === true,
    skills: tags.map((t) => ({ ...t, name: names.get(t.skillId) ?? "" })),
  };
}

/**
 * The owner of an expertise offer assigns volunteers of the offer's team to an approved request: one engagement per
 * volunteer for the booking's period, for the requesting organisation. Every volunteer must pass the gates
 * (children-work check if the offer requires it, a qualification valid on the last day for each certified skill)
 * and be free; the database refuses an overlapping engagement even when two assignments race.
 */
export async function assignVolunteers(db: Db, actor: Actor | null, input: AssignVolunteersInput, now = new Date()) {
  assertCan(actor, "volunteers.manage");
  const { bookingId, volunteerIds } = assignVolunteersSchema.parse(input);
  const result = await guardOverlap(() =>
    db.transaction(async (tx) => {
      const booking = await lockOfferBooking(tx, actor, bookingId);
      if (booking.status !== "approved") throw new AppError("invalid_state", { status: booking.status });
      if (booking.end <= now) throw new AppError("invalid_state", { status: "ended" });
      const team = await tx
        .select({ volunteerId: resourceVolunteers.volunteerId })
        .from(resourceVolunteers)
        .where(
          and(
            eq(resourceVolunteers.resourceId, booking.resourceId),
            inArray(resourceVolunteers.volunteerId, volunteerIds),
          ),
        );
      const requirement = await offerRequirement(tx, booking.resourceId, booking.details);
      const subjects = (await gateCheck(tx, volunteerIds, requirement, booking.end)).filter(
        (s) => s.organisationId === actor.organisationId,
      );
      // Only the offer's own team (of the owner's own volunteers) can be assigned.
      if (team.length !== volunteerIds.length || subjects.length !== volunteerIds.length) {
        throw new AppError("validation", { field: "volunteerIds", reason: "not_in_team" });
      }
      assertGates(subjects);
      await assertFree(tx, subjects, booking.start, booking.end);
      const rows = await tx
        .insert(engagements)
        .values(
          volunteerIds.map((volunteerId) => ({
            volunteerId,
            organisationId: actor.organisationId,
            receivingOrganisationId: booking.requesterId,
            bookingId,
            title: booking.resourceName,
            period: toRange(booking),
            childrenCheckRequired: requirement.childrenCheckRequired,
            assignedBy: actor.userId,
            createdAt: now,
            updatedAt: now,
          })),
        )
        .returning({ id: engagements.id, volunteerId: engagements.volunteerId });
      await recordAudit(tx, {
        actorUserId: actor.userId,
        organisationId: actor.organisationId,
        action: "engagement.assign",
        entityType: "booking",
        entityId: bookingId,
        after: { engagements: rows.map((r) => r.id), volunteers: rows.map((r) => r.volunteerId) },
      });
      if (booking.requesterId !== actor.organisationId) {
        await notify(
          tx,
          [
            engagementNotice("engagement_assigned", {
              to: booking.requesterId,
              exceptUserId: actor.userId,
              title: booking.resourceName,
              counterpart: actor.organisationName,
              start: booking.start,
              end: booking.end,
              count: rows.length,
              link: `/bookings/${bookingId}`,
            }),
          ],
          now,
        );
      }
      return { engagements: rows };
    }),
  );
  nudgeDelivery();
  return result;
}
