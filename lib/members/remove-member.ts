import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/connect";
import { memberships } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { type Actor, assertCan } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { assertAnotherAdminRemains } from "./admin-guard";

export const removeMemberSchema = z.object({ userId: z.uuid("invalid") });

/** Removes a member from the actor's own organisation; they lose access on their next request. */
export async function removeMember(db: Db, actor: Actor | null, input: z.infer<typeof removeMemberSchema>) {
  assertCan(actor, "members.manage");
  const { userId } = removeMemberSchema.parse(input);
  return db.transaction(async (tx) => {
    const [membership] = await tx
      .select()
      .from(memberships)
      .where(and(eq(memberships.organisationId, actor.organisationId), eq(memberships.userId, userId)))
      .limit(1);
    if (!membership) throw new AppError("not_found");
    if (membership.role === "admin") await assertAnotherAdminRemains(tx, actor.organisationId, userId);
    await tx
      .delete(memberships)
      .where(and(eq(memberships.organisationId, actor.organisationId), eq(memberships.userId, userId)));
    await recordAudit(tx, {
      actorUserId: actor.userId,
      organisationId: actor.organisationId,
      action: "member.remove",
      entityType: "membership",
      entityId: userId,
      before: membership,
    });
  });
}
