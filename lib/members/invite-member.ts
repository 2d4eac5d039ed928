import { and, eq, isNull, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/connect";
import { invitations, memberships, organisations, users } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { type Actor, assertCan } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import type { Locale } from "@/lib/i18n/config";
import { nudgeDelivery } from "@/lib/mail/wake";
import { enqueueMail } from "@/lib/notifications/notify";
import { hashToken, newToken } from "./tokens";

export const INVITATION_DAYS = 7;

export const inviteMemberSchema = z.object({
  email: z.string().trim().toLowerCase().max(320, "too_long").pipe(z.email("email")),
  role: z.enum(["member", "admin"], "invalid"),
});
export type InviteMemberInput = z.infer<typeof inviteMemberSchema>;

export interface IssueInvitation {
  organisationId: string;
  organisationName: string;
  email: string;
  role: "member" | "admin";
  createdBy: string | null;
  /** The language of the e-mail. */
  locale: Locale;
}

/**
 * Creates a one-time invitation inside the caller's transaction and e-mails its link (the message is marked sensitive,
 * so its body is blanked once sent). Earlier open invitations of the same address to the same organisation are revoked.
 */
export async function issueInvitation(tx: Db, input: IssueInvitation, now: Date) {
  await tx
    .update(invitations)
    .set({ revokedAt: now })
    .where(
      and(
        eq(invitations.organisationId, input.organisationId),
        eq(invitations.email, input.email),
        isNull(invitations.acceptedAt),
        isNull(invitations.revokedAt),
      ),
    );
  const token = newToken();
  const expiresAt = new Date(now.getTime() + INVITATION_DAYS * 86_400_000);
  const [invitation] = await tx
    .insert(invitations)
    .values({
      organisationId: input.organisationId,
      email: input.email,
      role: input.role,
      tokenHash: hashToken(token),
      expiresAt,
      createdBy: input.createdBy,
      createdAt: now,
    })
    .returning({ id: invitations.id });
  await enqueueMail(
    tx,
    {
      to: input.email,
      kind: "invitation",
      locale: input.locale,
      sensitive: true,
      params: {
        organisation: input.organisationName,
        role: input.role,
        start: expiresAt.toISOString(),
        end: null,
        link: `/invitation/${token}`,
      },
    },
    now,
  );
  return { id: invitation.id, token, expiresAt };
}

/**
 * An admin invites someone to their own organisation. Returns the one-time token: it is shown to the admin once and
 * e-mailed to the invitee, and never stored in clear. Earlier open invitations of the same address are revoked.
 */
export async function inviteMember(
  db: Db,
  actor: Actor | null,
  input: InviteMemberInput,
  now = new Date(),
  locale: Locale = "pl",
) {
  assertCan(actor, "members.manage");
  const { email, role } = inviteMemberSchema.parse(input);
  const result = await db.transaction(async (tx) => {
    const [existing] = await tx
      .select({ userId: memberships.userId })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(and(eq(memberships.organisationId, actor.organisationId), eq(sql`lower(${users.email})`, email)))
      .limit(1);
    if (existing) throw new AppError("already_member", { email });
    const [organisation] = await tx
      .select({ name: organisations.name })
      .from(organisations)
      .where(eq(organisations.id, actor.organisationId));
    const { id, token, expiresAt } = await issueInvitation(
      tx,
      {
        organisationId: actor.organisationId,
        organisationName: organisation?.name ?? actor.organisationName,
        email,
        role,
        createdBy: actor.userId,
        locale,
      },
      now,
    );
    await recordAudit(tx, {
      actorUserId: actor.userId,
      organisationId: actor.organisationId,
      action: "member.invite",
      entityType: "invitation",
      entityId: id,
      after: { email, role, expiresAt },
    });
    return { id, token, email, role, expiresAt };
  });
  nudgeDelivery();
  return result;
}
