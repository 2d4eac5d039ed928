import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/connect";
import { memberships } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { type Actor, assertCan } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { assertAnotherAdminRemains } from "./admin-guard";

export const changeMemberRoleSchema = z.object({
  userId: z.uuid("invalid"),
  role: z.enum(["member", "admin"], "invalid"),
});

/** Makes a member of the actor's own organisation an admin, or an admin a member (never the last admin). */
export async function changeMemberRole(db: Db, actor: Actor | null, input: z.infer<typeof changeMemberRoleSchema>) {
  assertCan(actor, "members.manage");
  const { userId, role } = changeMemberRoleSchema.parse(input);
  return db.transaction(async (tx) => {
    const [before] = await tx
      .select()
      .from(memberships)
      .where(and(eq(memberships.organisationId, actor.organisationId), eq(memberships.userId, userId)))
      .limit(1);
    if (!before) throw new AppError("not_found");
    if (before.role === role) return before;
    if (before.role === "admin") await assertAnotherAdminRemains(tx, actor.organisationId, userId);
    const [after] = await tx
      .update(memberships)
      .set({ role })
      .where(and(eq(memberships.organisationId, actor.organisationId), eq(memberships.userId, userId)))
      .returning();
    await recordAudit(tx, {
      actorUserId: actor.userId,
      organisationId: actor.organisationId,
      action: "member.role_change",
      entityType: "membership",
      entityId: userId,
      before,
      after,
    });
    return after;
  });
}
