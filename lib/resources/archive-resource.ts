import { and, count, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "@/db/connect";
import { bookings, resources } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { type Actor, assertCan } from "@/lib/auth/permissions";
import { HOLDING_STATUSES } from "./booking-context";
import { lockOwnResource, resourceIdOf } from "./resource-access";

export interface ArchivedResource {
  id: string;
  status: "archived";
  /** Pending or approved bookings that have not ended: they stay, and the owner should settle them. */
  futureBookings: number;
}

/**
 * Withdraws the actor's own resource: it disappears from search and from other partners, and takes no new bookings.
 * Existing bookings are kept (their count is returned). Archiving twice changes nothing the second time.
 */
export async function archiveResource(
  db: Db,
  actor: Actor | null,
  input: { resourceId: string },
  now: Date = new Date(),
): Promise<ArchivedResource> {
  assertCan(actor, "resources.manage");
  const id = resourceIdOf(input?.resourceId);
  return db.transaction(async (tx) => {
    const { row } = await lockOwnResource(tx, actor, id);
    const [{ n }] = await tx
      .select({ n: count() })
      .from(bookings)
      .where(
        and(
          eq(bookings.resourceId, id),
          inArray(bookings.status, [...HOLDING_STATUSES]),
          sql`upper(${bookings.period}) > ${now.toISOString()}::timestamptz`,
        ),
      );
    const futureBookings = Number(n);
    if (row.status !== "archived") {
      await tx
        .update(resources)
        .set({ status: "archived", updatedAt: now })
        .where(and(eq(resources.id, id), eq(resources.organisationId, actor.organisationId)));
      await recordAudit(tx, {
        actorUserId: actor.userId,
        organisationId: actor.organisationId,
        action: "resource.archive",
        entityType: "resource",
        entityId: id,
        before: { status: row.status },
        after: { status: "archived", futureBookings },
      });
    }
    return { id, status: "archived", futureBookings };
  });
}
