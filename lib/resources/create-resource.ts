import type { Db } from "@/db/connect";
import { openingHours, resources } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { type Actor, assertCan } from "@/lib/auth/permissions";
import type { WeeklyInterval } from "@/lib/domain/types";
import { hoursRows, type ResourceView, resourceView, sortHours } from "./resource-access";
import { type CreateResourceInput, createResourceSchema } from "./resource-schema";

/** Shares a new resource of the actor's organisation, with its weekly opening hours (none = always open). */
export async function createResource(
  db: Db,
  actor: Actor | null,
  input: CreateResourceInput,
  now: Date = new Date(),
): Promise<ResourceView> {
  assertCan(actor, "resources.manage");
  const data = createResourceSchema.parse(input);
  const hours = (data.openingHours ?? []) as WeeklyInterval[];
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(resources)
      .values({
        organisationId: actor.organisationId,
        kind: data.kind,
        name: data.name,
        description: data.description ?? "",
        location: data.location ?? null,
        capacity: data.capacity ?? null,
        quantity: data.quantity,
        bookingMode: data.bookingMode,
        minMinutes: data.minMinutes ?? null,
        maxMinutes: data.maxMinutes ?? null,
        leadMinutes: data.leadMinutes ?? null,
        horizonDays: data.horizonDays ?? null,
        bufferMinutes: data.bufferMinutes ?? 0,
        inKindRate: data.inKindRate == null ? null : data.inKindRate.toFixed(2),
        inKindUnit: data.inKindUnit ?? null,
        details: data.details,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    if (hours.length > 0) await tx.insert(openingHours).values(hoursRows(row.id, hours));
    const view = resourceView(row, { slug: actor.organisationSlug, name: actor.organisationName }, sortHours(hours));
    await recordAudit(tx, {
      actorUserId: actor.userId,
      organisationId: actor.organisationId,
      action: "resource.create",
      entityType: "resource",
      entityId: row.id,
      after: view,
    });
    return view;
  });
}
