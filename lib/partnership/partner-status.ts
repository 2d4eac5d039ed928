import { and, asc, eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/connect";
import { auditLog, organisations } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { type Actor, assertCan } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { nudgeDelivery } from "@/lib/mail/wake";
import { bookingNotice, loadBookingParties } from "@/lib/notifications/booking-notices";
import { type Notice, notify } from "@/lib/notifications/notify";
import { rowsOf } from "@/lib/resources/booking-context";

/** Every organisation with its status, for the coordinator. */
export async function listPartnersForCoordinator(db: Db, actor: Actor | null) {
  assertCan(actor, "partners.admit");
  return db
    .select({
      id: organisations.id,
      slug: organisations.slug,
      name: organisations.name,
      kind: organisations.kind,
      status: organisations.status,
      isLeader: organisations.isLeader,
    })
    .from(organisations)
    .orderBy(sql`${organisations.status} <> 'active'`, asc(organisations.name));
}

async function lockOrganisation(tx: Db, id: string) {
  const [row] = await tx
    .select({
      id: organisations.id,
      name: organisations.name,
      status: organisations.status,
      isLeader: organisations.isLeader,
    })
    .from(organisations)
    .where(eq(organisations.id, id))
    .for("update");
  if (!row) throw new AppError("not_found");
  return row;
}

/**
 * Cancels the organisation's future bookings, as requester and on its resources, with a reason, and tells the other
 * side of each; returns how many. Runs inside the transaction that changes the organisation's status.
 */
async function endFutureBookings(
  tx: Db,
  org: { id: string; name: string },
  actorUserId: string,
  reason: string,
  now: Date,
) {
  const at = sql`${now.toISOString()}::timestamptz`;
  const cancelled = rowsOf<{ id: string }>(
    await tx.execute(sql`
      update bookings b
      set status = 'cancelled', cancelled_at = ${at}, cancelled_by = ${actorUserId}::uuid, cancel_reason = ${reason},
          updated_at = ${at}
      from resources r
      where r.id = b.resource_id and b.status in ('pending', 'approved') and lower(b.period) > ${at}
        and (b.organisation_id = ${org.id}::uuid or r.organisation_id = ${org.id}::uuid)
      returning b.id`),
  ).map((r) => r.id);
  if (cancelled.length === 0) return 0;
  await tx.insert(auditLog).values(
    cancelled.map((id) => ({
      at: now,
      actorUserId,
      organisationId: org.id,
      action: "booking.cancel",
      entityType: "booking",
      entityId: id,
      after: { status: "cancelled", by: "partnership", reason },
    })),
  );
  const notices: Notice[] = [];
  for (const b of await loadBookingParties(tx, cancelled)) {
    if (b.ownerId === b.requesterId) continue;
    const other = b.ownerId === org.id ? b.requesterId : b.ownerId;
    notices.push(
      bookingNotice("booking_cancelled_partner", {
        bookingId: b.id,
        to: other,
        resourceName: b.resourceName,
        counterpart: org.name,
        period: b,
      }),
    );
  }
  await notify(tx, notices, now);
  return cancelled.length;
}

const reasonField = z.string("reason_required").trim().min(3, "reason_required").max(1000, "too_long");

export const suspendPartnerSchema = z.object({ organisationId: z.uuid("not_found"), reason: reasonField });
export const reinstatePartnerSchema = z.object({ organisationId: z.uuid("not_found") });
export const leavePartnershipSchema = z.object({
  reason: z.string().trim().max(1000, "too_long").optional(),
  confirm: z.preprocess((v) => v === "on" || v === true || v === "true", z.literal(true, "confirm_leave")),
});

/**
 * The coordinator suspends a partner: its people lose access at once (the actor is re-read on every request), its
 * future bookings are cancelled with the reason and the other sides are told, and its members get an e-mail.
 */
export async function suspendPartner(
  db: Db,
  actor: Actor | null,
  input: z.input<typeof suspendPartnerSchema>,
  now = new Date(),
) {
  assertCan(actor, "partners.admit");
  const { organisationId, reason } = suspendPartnerSchema.parse(input);
  const result = await db.transaction(async (tx) => {
    const org = await lockOrganisation(tx, organisationId);
    if (org.isLeader) throw new AppError("forbidden");
    if (org.status !== "active") throw new AppError("invalid_state", { status: org.status });
    await tx.update(organisations).set({ status: "suspended", updatedAt: now }).where(eq(organisations.id, org.id));
    const cancelled = await endFutureBookings(tx, org, actor.userId, reason, now);
    await notify(
      tx,
      [
        {
          kind: "partner_suspended",
          audience: { organisationIds: [org.id] },
          link: "/partnerstwo",
          params: { organisation: org.name, reason, count: cancelled },
        },
      ],
      now,
    );
    await recordAudit(tx, {
      actorUserId: actor.userId,
      organisationId: org.id,
      action: "partnership.suspend",
      entityType: "organisation",
      entityId: org.id,
      before: { status: org.status },
      after: { status: "suspended", reason, cancelledBookings: cancelled },
    });
    return { cancelled };
  });
  nudgeDelivery();
  return result;
}

/** The coordinator lets a suspended partner back in; its people regain access. */
export async function reinstatePartner(
  db: Db,
  actor: Actor | null,
  input: z.input<typeof reinstatePartnerSchema>,
  now = new Date(),
) {
  assertCan(actor, "partners.admit");
  const { organisationId } = reinstatePartnerSchema.parse(input);
  await db.transaction(async (tx) => {
    const org = await lockOrganisation(tx, organisationId);
    if (org.status !== "suspended") throw new AppError("invalid_state", { status: org.status });
    await tx.update(organisations).set({ status: "active", updatedAt: now }).where(eq(organisations.id, org.id));
    await notify(
      tx,
      [
        {
          kind: "partner_reinstated",
          audience: { organisationIds: [org.id] },
          link: "/dashboard",
          params: { organisation: org.name },
        },
      ],
      now,
    );
    await recordAudit(tx, {
      actorUserId: actor.userId,
      organisationId: org.id,
      action: "partnership.reinstate",
      entityType: "organisation",
      entityId: org.id,
      before: { status: "suspended" },
      after: { status: "active" },
    });
  });
  nudgeDelivery();
}

/**
 * An admin takes their organisation out of the partnership. Its future bookings are cancelled and the other sides
 * told; its people lose access on their next request. The leading organisation cannot leave.
 */
export async function leavePartnership(
  db: Db,
  actor: Actor | null,
  input: z.input<typeof leavePartnershipSchema>,
  now = new Date(),
) {
  assertCan(actor, "organisation.update");
  const { reason } = leavePartnershipSchema.parse(input);
  const result = await db.transaction(async (tx) => {
    const org = await lockOrganisation(tx, actor.organisationId);
    if (org.isLeader) throw new AppError("forbidden");
    if (org.status !== "active") throw new AppError("invalid_state", { status: org.status });
    await tx
      .update(organisations)
      .set({ status: "left", updatedAt: now })
      .where(and(eq(organisations.id, org.id)));
    const cancelled = await endFutureBookings(tx, org, actor.userId, reason || "—", now);
    await notify(
      tx,
      [
        {
          kind: "partner_left",
          audience: { organisationIds: [org.id] },
          link: "/partnerstwo",
          params: { organisation: org.name, count: cancelled },
        },
        {
          kind: "partner_left",
          audience: { coordinators: true },
          link: "/coordinator/partners",
          params: { organisation: org.name, count: cancelled },
        },
      ],
      now,
    );
    await recordAudit(tx, {
      actorUserId: actor.userId,
      organisationId: org.id,
      action: "partnership.leave",
      entityType: "organisation",
      entityId: org.id,
      before: { status: "active" },
      after: { status: "left", reason: reason ?? null, cancelledBookings: cancelled },
    });
    return { cancelled };
  });
  nudgeDelivery();
  return result;
}

/** Whether the actor's organisation leads the partnership (the leader cannot leave it). */
export async function isLeadingOrganisation(db: Db, actor: Actor | null): Promise<boolean> {
  assertCan(actor, "organisation.view");
  const [row] = await db
    .select({ isLeader: organisations.isLeader })
    .from(organisations)
    .where(eq(organisations.id, actor.organisationId));
  return row?.isLeader ?? false;
}
