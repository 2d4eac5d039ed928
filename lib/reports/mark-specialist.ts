import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/connect";
import { resources, specialistResources } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { type Actor, assertCan } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";

export const markSpecialistSchema = z.object({
  resourceId: z.uuid("not_found"),
  /** A checkbox: "on" when ticked, absent otherwise; or a boolean from code. */
  specialist: z
    .union([z.boolean(), z.string()])
    .optional()
    .transform((v) => v === true || v === "on"),
});
export type MarkSpecialistInput = z.input<typeof markSpecialistSchema>;

/**
 * The coordinator says whether an expertise resource is specialist work (valued at the specialist volunteer rate)
 * or simple work (the default). Only expertise can be marked; anything else is `not_found`.
 */
export async function markSpecialist(db: Db, actor: Actor | null, input: MarkSpecialistInput) {
  assertCan(actor, "reports.all");
  const { resourceId, specialist } = markSpecialistSchema.parse(input);
  return db.transaction(async (tx) => {
    const [resource] = await tx
      .select({ id: resources.id })
      .from(resources)
      .where(and(eq(resources.id, resourceId), eq(resources.kind, "expertise")))
      .limit(1);
    if (!resource) throw new AppError("not_found");
    const changed = specialist
      ? await tx
          .insert(specialistResources)
          .values({ resourceId, markedBy: actor.userId })
          .onConflictDoNothing()
          .returning({ id: specialistResources.resourceId })
      : await tx
          .delete(specialistResources)
          .where(eq(specialistResources.resourceId, resourceId))
          .returning({ id: specialistResources.resourceId });
    if (changed.length > 0) {
      await recordAudit(tx, {
        actorUserId: actor.userId,
        organisationId: actor.organisationId,
        action: specialist ? "resource.mark_specialist" : "resource.mark_simple",
        entityType: "resource",
        entityId: resourceId,
        after: { specialist },
      });
    }
    return { resourceId, specialist };
  });
}
