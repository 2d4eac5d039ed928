import { and, eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/connect";
import { invitations, memberships, organisations, users } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { hashPassword, PASSWORD_MAX, passwordProblem, verifyPassword } from "@/lib/auth/password";
import { AppError } from "@/lib/errors";
import { hashToken } from "./tokens";

const tokenSchema = z.string().trim().min(20, "invalid").max(200, "invalid");

/** What the invitation page shows; an unknown, used, revoked or expired token is `invitation_invalid`. */
export async function getInvitation(db: Db, token: string, now = new Date()) {
  const parsed = tokenSchema.safeParse(token);
  if (!parsed.success) throw new AppError("invitation_invalid");
  const [row] = await db
    .select({
      email: invitations.email,
      role: invitations.role,
      expiresAt: invitations.expiresAt,
      acceptedAt: invitations.acceptedAt,
      revokedAt: invitations.revokedAt,
      organisationName: organisations.name,
      accountExists: sql<boolean>`exists (select 1 from ${users} where lower(${users.email}) = ${invitations.email})`,
    })
    .from(invitations)
    .innerJoin(organisations, eq(organisations.id, invitations.organisationId))
    .where(eq(invitations.tokenHash, hashToken(parsed.data)))
    .limit(1);
  if (!row || row.acceptedAt || row.revokedAt || row.expiresAt <= now) throw new AppError("invitation_invalid");
  return { email: row.email, role: row.role, organisationName: row.organisationName, accountExists: row.accountExists };
}

export const acceptInvitationSchema = z.object({
  token: tokenSchema,
  /** Needed only when the invited address has no account yet. */
  name: z.string().trim().max(200, "too_long").optional(),
  password: z.string().min(1, "required").max(PASSWORD_MAX, "too_long"),
});
export type AcceptInvitationInput = z.infer<typeof acceptInvitationSchema>;

/**
 * Redeems a one-time invitation. A new address sets its name and password; an existing account proves itself
 * with its password. The token works once: the row is locked, checked and marked in one transaction.
 */
export async function acceptInvitation(db: Db, input: AcceptInvitationInput, now = new Date()) {
  const { token, name, password } = acceptInvitationSchema.parse(input);
  return db.transaction(async (tx) => {
    const [invitation] = await tx
      .select()
      .from(invitations)
      .where(eq(invitations.tokenHash, hashToken(token)))
      .for("update")
      .limit(1);
    if (!invitation || invitation.acceptedAt || invitation.revokedAt || invitation.expiresAt <= now) {
      throw new AppError("invitation_invalid");
    }
    const [existing] = await tx
      .select()
      .from(users)
      .where(eq(sql`lower(${users.email})`, invitation.email))
      .limit(1);
    let userId: string;
    if (existing) {
      const ok = existing.passwordHash ? await verifyPassword(existing.passwordHash, password) : false;
      if (!ok || existing.disabled) throw new AppError("invalid_credentials");
      userId = existing.id;
    } else {
      if (!name || name.length < 2) throw new AppError("validation", { field: "name", reason: "too_short" });
      const problem = passwordProblem(password);
      if (problem) throw new AppError("weak_password", { field: "password", reason: `password_${problem}` });
      const [created] = await tx
        .insert(users)
        .values({
          email: invitation.email,
          name,
          passwordHash: await hashPassword(password),
          createdAt: now,
          updatedAt: now,
        })
        .returning({ id: users.id });
      userId = created.id;
    }
    await tx
      .insert(memberships)
      .values({ userId, organisationId: invitation.organisationId, role: invitation.role, createdAt: now })
      .onConflictDoNothing();
    await tx
      .update(invitations)
      .set({ acceptedAt: now })
      .where(and(eq(invitations.id, invitation.id)));
    await recordAudit(tx, {
      actorUserId: userId,
      organisationId: invitation.organisationId,
      action: "member.join",
      entityType: "membership",
      entityId: userId,
      after: { email: invitation.email, role: invitation.role },
    });
    return { userId, email: invitation.email, organisationId: invitation.organisationId };
  });
}
