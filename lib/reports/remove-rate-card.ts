import { eq } from "drizzle-orm";
import type { Db } from "@/db/connect";
import { rateCards } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { type Actor, assertCan } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { uuidParam } from "@/lib/validation";

/** Removes a rate entered by mistake; the reports then value its period at the rate before it (or none). */
export async function removeRateCard(db: Db, actor: Actor | null, input: { rateCardId: unknown }) {
  assertCan(actor, "reports.all");
  const parsed = uuidParam.safeParse(input.rateCardId);
  if (!parsed.success) throw new AppError("not_found");
  const id = parsed.data;
  return db.transaction(async (tx) => {
    const [row] = await tx.delete(rateCards).where(eq(rateCards.id, id)).returning();
    if (!row) throw new AppError("not_found");
    await recordAudit(tx, {
      actorUserId: actor.userId,
      organisationId: actor.organisationId,
      action: "rate_card.delete",
      entityType: "rate_card",
      entityId: row.id,
      before: row,
    });
    return { id: row.id, deleted: true as const };
  });
}
