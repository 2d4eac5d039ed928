import { and, eq, isNull, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/connect";
import { invitations, memberships, users } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { type Actor, assertCan } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { hashToken, newToken } from "./tokens";

export const INVITATION_DAYS = 7;

export const inviteMemberSchema = z.object({
  email: z.string().trim().toLowerCase().max(320, "too_long").pipe(z.email("email")),
  role: z.enum(["member", "admin"], "invalid"),
});
export type InviteMemberInput = z.infer<typeof inviteMemberSchema>;

/**
 * An admin invites someone to their own organisation. Returns the one-time token: it is shown to the admin once
 * (and later e-mailed) and never stored in clear. Earlier open invitations of the same address are revoked.
 */
export async function inviteMember(db: Db, actor: Actor | null, input: InviteMemberInput, now = new Date()) {
  assertCan(actor, "members.manage");
  const { email, role } = inviteMemberSchema.parse(input);
  return db.transaction(async (tx) => {
    const [existing] = await tx
      .select({ userId: memberships.userId })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(and(eq(memberships.organisationId, actor.organisationId), eq(sql`lower(${users.email})`, email)))
      .limit(1);
    if (existing) throw new AppError("already_member", { email });

    await tx
      .update(invitations)
      .set({ revokedAt: now })
      .where(
        and(
          eq(invitations.organisationId, actor.organisationId),
          eq(invitations.email, email),
          isNull(invitations.acceptedAt),
          isNull(invitations.revokedAt),
        ),
      );
    const token = newToken();
    const expiresAt = new Date(now.getTime() + INVITATION_DAYS * 86_400_000);
    const [invitation] = await tx
      .insert(invitations)
      .values({
        organisationId: actor.organisationId,
        email,
        role,
        tokenHash: hashToken(token),
        expiresAt,
        createdBy: actor.userId,
        createdAt: now,
      })
      .returning({ id: invitations.id });
    await recordAudit(tx, {
      actorUserId: actor.userId,
      organisationId: actor.organisationId,
      action: "member.invite",
      entityType: "invitation",
      entityId: invitation.id,
      after: { email, role, expiresAt },
    });
    return { id: invitation.id, token, email, role, expiresAt };
  });
}
