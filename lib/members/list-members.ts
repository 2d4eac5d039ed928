import { and, asc, eq, gt, isNull } from "drizzle-orm";
import type { Db } from "@/db/connect";
import { invitations, memberships, users } from "@/db/schema";
import { type Actor, assertCan } from "@/lib/auth/permissions";

/** Members of the actor's own organisation and its open invitations; there is no way to ask for another's. */
export async function listMembers(db: Db, actor: Actor | null, now = new Date()) {
  assertCan(actor, "members.view");
  const members = await db
    .select({
      userId: users.id,
      name: users.name,
      email: users.email,
      disabled: users.disabled,
      role: memberships.role,
      coordinator: memberships.coordinator,
      since: memberships.createdAt,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.organisationId, actor.organisationId))
    .orderBy(asc(users.name));
  const pending = await db
    .select({ id: invitations.id, email: invitations.email, role: invitations.role, expiresAt: invitations.expiresAt })
    .from(invitations)
    .where(
      and(
        eq(invitations.organisationId, actor.organisationId),
        isNull(invitations.acceptedAt),
        isNull(invitations.revokedAt),
        gt(invitations.expiresAt, now),
      ),
    )
    .orderBy(asc(invitations.createdAt));
  return { members, invitations: pending };
}
