import { and, count, eq, inArray, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/connect";
import { blackouts, bookings, organisations, resources } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { type Actor, assertCan } from "@/lib/auth/permissions";
import { toRange } from "@/lib/domain/period";
import { AppError } from "@/lib/errors";
import { HOLDING_STATUSES } from "./booking-context";
import { lockOwnResource, visibleTo } from "./resource-access";
import { instantInput, periodIssues } from "./resource-schema";

/** A closure longer than this is an archived resource, not a blackout. */
const MAX_BLACKOUT_DAYS = 731;

const reasonSchema = z.string("required").trim().min(1, "required").max(300, "too_long");

export const addBlackoutSchema = z
  .object({ resourceId: z.uuid("not_found"), start: instantInput, end: instantInput, reason: reasonSchema })
  .superRefine((v, ctx) => {
    for (const issue of periodIssues(v.start, v.end, MAX_BLACKOUT_DAYS, "end")) ctx.addIssue(issue);
  });
export type AddBlackoutInput = z.input<typeof addBlackoutSchema>;

/** The body of POST /api/v1/resources/{id}/blackouts (the id comes from the path). */
export const blackoutBodySchema = z.strictObject(
  { start: instantInput, end: instantInput, reason: reasonSchema },
  { error: (issue) => (issue.code === "unrecognized_keys" ? "unknown_field" : "invalid") },
);

export interface BlackoutView {
  id: string;
  resourceId: string;
  start: Date;
  end: Date;
  reason: string;
  /** Pending or approved bookings inside the closure: they stay, and the owner should talk to the borrowers. */
  affectedBookings: number;
}

/** Closes the actor's own resource for a period (renovation, holidays); bookings already there are kept and counted. */
export async function addBlackout(db: Db, actor: Actor | null, input: AddBlackoutInput): Promise<BlackoutView> {
  assertCan(actor, "resources.manage");
  const data = addBlackoutSchema.parse(input);
  const period = { start: data.start, end: data.end };
  return db.transaction(async (tx) => {
    await lockOwnResource(tx, actor, data.resourceId);
    const [row] = await tx
      .insert(blackouts)
      .values({ resourceId: data.resourceId, period: toRange(period), reason: data.reason })
      .returning({ id: blackouts.id });
    const [{ n }] = await tx
      .select({ n: count() })
      .from(bookings)
      .where(
        and(
          eq(bookings.resourceId, data.resourceId),
          inArray(bookings.status, [...HOLDING_STATUSES]),
          sql`${bookings.period} && ${toRange(period)}::tstzrange`,
        ),
      );
    const view: BlackoutView = {
      id: row.id,
      resourceId: data.resourceId,
      ...period,
      reason: data.reason,
      affectedBookings: Number(n),
    };
    await recordAudit(tx, {
      actorUserId: actor.userId,
      organisationId: actor.organisationId,
      action: "blackout.create",
      entityType: "blackout",
      entityId: row.id,
      after: view,
    });
    return view;
  });
}

export const removeBlackoutSchema = z.object({ blackoutId: z.uuid("not_found") });
export type RemoveBlackoutInput = z.input<typeof removeBlackoutSchema>;

/** Reopens the period of one of the actor's own blackouts; another partner's visible blackout is `forbidden`. */
export async function removeBlackout(
  db: Db,
  actor: Actor | null,
  input: RemoveBlackoutInput,
): Promise<{ id: string; deleted: true }> {
  assertCan(actor, "resources.manage");
  const { blackoutId } = removeBlackoutSchema.parse(input);
  return db.transaction(async (tx) => {
    const [found] = await tx
      .select({
        id: blackouts.id,
        resourceId: blackouts.resourceId,
        ownerId: resources.organisationId,
        period: blackouts.period,
        reason: blackouts.reason,
      })
      .from(blackouts)
      .innerJoin(resources, eq(resources.id, blackouts.resourceId))
      .innerJoin(organisations, eq(organisations.id, resources.organisationId))
      .where(and(eq(blackouts.id, blackoutId), visibleTo(actor)))
      .for("update", { of: blackouts });
    if (!found) throw new AppError("not_found");
    if (found.ownerId !== actor.organisationId) throw new AppError("forbidden");
    await tx
      .delete(blackouts)
      .where(
        and(
          eq(blackouts.id, blackoutId),
          inArray(
            blackouts.resourceId,
            tx.select({ id: resources.id }).from(resources).where(eq(resources.organisationId, actor.organisationId)),
          ),
        ),
      );
    await recordAudit(tx, {
      actorUserId: actor.userId,
      organisationId: actor.organisationId,
      action: "blackout.delete",
      entityType: "blackout",
      entityId: blackoutId,
      before: { resourceId: found.resourceId, period: found.period, reason: found.reason },
    });
    return { id: blackoutId, deleted: true };
  });
}
