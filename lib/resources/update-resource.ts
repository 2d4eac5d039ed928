import { and, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "@/db/connect";
import { bookings, openingHours, resources } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { type Actor, assertCan } from "@/lib/auth/permissions";
import type { WeeklyInterval } from "@/lib/domain/types";
import { AppError, sqlState } from "@/lib/errors";
import { HOLDING_STATUSES, loadOpeningHours } from "./booking-context";
import {
  hoursRows,
  lockOwnResource,
  type ResourceView,
  resourceIdOf,
  resourceView,
  sortHours,
} from "./resource-access";
import {
  consistencyError,
  resourceConsistency,
  type UpdateResourceFields,
  updateResourceSchema,
} from "./resource-schema";

export type UpdateResourceInput = { resourceId: string } & UpdateResourceFields;

/**
 * Changes the actor's own resource; given `openingHours` replace the weekly hours. A change of units or buffer is
 * re-checked against the bookings that still hold time, by the same database guard that admitted them: if they no
 * longer fit, nothing changes and the answer is `conflict`.
 */
export async function updateResource(
  db: Db,
  actor: Actor | null,
  input: UpdateResourceInput,
  now: Date = new Date(),
): Promise<ResourceView> {
  assertCan(actor, "resources.manage");
  const { resourceId, ...fields } = input;
  const id = resourceIdOf(resourceId);
  const patch = updateResourceSchema.parse(fields);
  // Set inside the transaction: whether units or buffer really change (the edit form sends every field).
  let recheck: "quantity" | "bufferMinutes" | null = null;
  try {
    return await db.transaction(async (tx) => {
      const { row: before, owner } = await lockOwnResource(tx, actor, id);
      const hoursBefore = await loadOpeningHours(tx, id);
      const pick = <K extends keyof typeof before>(key: K & keyof typeof patch) =>
        (patch[key] === undefined ? before[key] : patch[key]) as (typeof before)[K];
      const { issues, details } = resourceConsistency({
        kind: pick("kind"),
        quantity: pick("quantity"),
        minMinutes: pick("minMinutes"),
        maxMinutes: pick("maxMinutes"),
        details: patch.details ?? before.details,
      });
      if (issues.length > 0) throw consistencyError(issues);
      if (patch.quantity !== undefined && patch.quantity !== before.quantity) recheck = "quantity";
      else if (patch.bufferMinutes !== undefined && patch.bufferMinutes !== before.bufferMinutes) {
        recheck = "bufferMinutes";
      }

      const { openingHours: newHours, inKindRate, details: _details, ...columns } = patch;
      const [after] = await tx
        .update(resources)
        .set({
          ...columns,
          ...(inKindRate === undefined ? {} : { inKindRate: inKindRate === null ? null : inKindRate.toFixed(2) }),
          ...(patch.details !== undefined || patch.kind !== undefined ? { details } : {}),
          updatedAt: now,
        })
        .where(and(eq(resources.id, id), eq(resources.organisationId, actor.organisationId)))
        .returning();
      let hours = hoursBefore;
      if (newHours !== undefined) {
        hours = sortHours(newHours as WeeklyInterval[]);
        await tx.delete(openingHours).where(eq(openingHours.resourceId, id));
        if (hours.length > 0) await tx.insert(openingHours).values(hoursRows(id, hours));
      }
      if (recheck) {
        // Re-writing the period fires the guard trigger: blocked periods get the new buffer, unit counts are re-summed,
        // and the exclusion constraint sees the new `exclusive` flag.
        await tx
          .update(bookings)
          .set({ period: sql`${bookings.period}` })
          .where(
            and(
              eq(bookings.resourceId, id),
              inArray(bookings.status, [...HOLDING_STATUSES]),
              sql`upper(${bookings.blockedPeriod}) > ${now.toISOString()}::timestamptz`,
            ),
          );
      }
      const view = resourceView(after, owner, hours);
      await recordAudit(tx, {
        actorUserId: actor.userId,
        organisationId: actor.organisationId,
        action: "resource.update",
        entityType: "resource",
        entityId: id,
        before: resourceView(before, owner, hoursBefore),
        after: view,
      });
      return view;
    });
  } catch (error) {
    const state = sqlState(error);
    if (recheck && (state === "23P01" || state === "40P01")) {
      throw new AppError("conflict", { field: recheck, reason: "booked_units" });
    }
    throw error;
  }
}
