import { and, eq, isNull } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/connect";
import { invitations } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { type Actor, assertCan } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";

export const revokeInvitationSchema = z.object({ invitationId: z.uuid("invalid") });

/** Withdraws an open invitation of the actor's own organisation; another organisation's is not found. */
export async function revokeInvitation(
  db: Db,
  actor: Actor | null,
  input: z.infer<typeof revokeInvitationSchema>,
  now = new Date(),
) {
  assertCan(actor, "members.manage");
  const { invitationId } = revokeInvitationSchema.parse(input);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(invitations)
      .set({ revokedAt: now })
      .where(
        and(
          eq(invitations.id, invitationId),
          eq(invitations.organisationId, actor.organisationId),
          isNull(invitations.acceptedAt),
          isNull(invitations.revokedAt),
        ),
      )
      .returning({ id: invitations.id, email: invitations.email });
    if (!row) throw new AppError("not_found");
    await recordAudit(tx, {
      actorUserId: actor.userId,
      organisationId: actor.organisationId,
      action: "member.invitation_revoke",
      entityType: "invitation",
      entityId: row.id,
      before: { email: row.email },
    });
  });
}
