import { eq } from "drizzle-orm";
import type { Db } from "@/db/connect";
import { rateCards, resources } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { type Actor, assertCan } from "@/lib/auth/permissions";
import { AppError, sqlState } from "@/lib/errors";
import {
  type AddRateCardInput,
  addRateCardSchema,
  type RateUnit,
  unitOfCategory,
  unitOfKind,
} from "./rate-card-schema";

/**
 * The coordinator adds a rate, for a category or one resource, valid from a local date until the next rate of the
 * same scope. Rates are never edited, so reports of past periods keep the rates of their time; a second rate for the
 * same scope and date is refused (remove the wrong one first).
 */
export async function addRateCard(db: Db, actor: Actor | null, input: AddRateCardInput) {
  assertCan(actor, "reports.all");
  const data = addRateCardSchema.parse(input);
  try {
    return await db.transaction(async (tx) => {
      let unit: RateUnit;
      if (data.scope.resourceId) {
        const [resource] = await tx
          .select({ kind: resources.kind })
          .from(resources)
          .where(eq(resources.id, data.scope.resourceId))
          .limit(1);
        if (!resource) throw new AppError("validation", { field: "scope", reason: "not_found" });
        unit = unitOfKind[resource.kind];
      } else {
        unit = unitOfCategory[data.scope.category as keyof typeof unitOfCategory];
      }
      const [row] = await tx
        .insert(rateCards)
        .values({
          resourceId: data.scope.resourceId,
          category: data.scope.category,
          amount: data.amount.toFixed(2),
          unit,
          validFrom: data.validFrom,
          source: data.source,
          createdBy: actor.userId,
        })
        .returning();
      await recordAudit(tx, {
        actorUserId: actor.userId,
        organisationId: actor.organisationId,
        action: "rate_card.create",
        entityType: "rate_card",
        entityId: row.id,
        after: row,
      });
      return row;
    });
  } catch (error) {
    if (sqlState(error) === "23505") throw new AppError("validation", { field: "validFrom", reason: "rate_exists" });
    throw error;
  }
}
