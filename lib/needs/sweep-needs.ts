import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/connect";
import { auditLog, needs } from "@/db/schema";
import { RETROSPECTIVE_DAYS } from "@/lib/domain/volunteer-work";

/**
 * Closes open needs that are past (`needClosesAt`: at the end, or for a need posted after its start
 * `RETROSPECTIVE_DAYS` after posting). Idempotent and safe with several instances: each row changes once, under its
 * row lock, and a second run finds nothing. Answers still waiting simply stay unanswered on a closed need.
 */
export async function sweepNeeds(db: Db, now = new Date()) {
  const at = sql`${now.toISOString()}::timestamptz`;
  return db.transaction(async (tx) => {
    const closed = await tx
      .update(needs)
      .set({ status: "closed", closedAt: now, updatedAt: now })
      .where(
        and(
          eq(needs.status, "open"),
          sql`upper(${needs.period}) <= ${at}`,
          sql`(${needs.createdAt} <= lower(${needs.period})
               OR ${needs.createdAt} + make_interval(days => ${RETROSPECTIVE_DAYS}) <= ${at})`,
        ),
      )
      .returning({ id: needs.id, organisationId: needs.organisationId });
    if (closed.length > 0) {
      await tx.insert(auditLog).values(
        closed.map((n) => ({
          at: now,
          actorUserId: null,
          organisationId: n.organisationId,
          action: "need.close",
          entityType: "need",
          entityId: n.id,
          before: { status: "open" },
          after: { status: "closed" },
        })),
      );
    }
    return { closed: closed.length };
  });
}
