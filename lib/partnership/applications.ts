import { and, asc, desc, eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/connect";
import { organisations, partnershipApplications } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { type Actor, assertCan } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import type { Locale } from "@/lib/i18n/config";
import { nudgeDelivery } from "@/lib/mail/wake";
import { issueInvitation } from "@/lib/members/invite-member";
import { enqueueMail } from "@/lib/notifications/notify";
import { uniqueSlug } from "./slug";

/** Applications for the coordinator: the waiting ones first (oldest first), then the latest decided. */
export async function listApplications(db: Db, actor: Actor | null) {
  assertCan(actor, "partners.admit");
  const rows = await db
    .select()
    .from(partnershipApplications)
    .orderBy(
      sql`${partnershipApplications.status} <> 'pending'`,
      sql`case when ${partnershipApplications.status} = 'pending' then ${partnershipApplications.createdAt} end asc`,
      desc(partnershipApplications.decidedAt),
      asc(partnershipApplications.id),
    )
    .limit(200);
  return rows;
}

const applicationId = z.object({ applicationId: z.uuid("not_found") });

async function lockPending(tx: Db, id: string) {
  const [row] = await tx
    .select()
    .from(partnershipApplications)
    .where(eq(partnershipApplications.id, id))
    .for("update")
    .limit(1);
  if (!row) throw new AppError("not_found");
  if (row.status !== "pending") throw new AppError("invalid_state", { status: row.status });
  return row;
}

export const acceptApplicationSchema = applicationId;

/**
 * The coordinator accepts an application: the organisation is created (active), and its contact person gets an
 * e-mailed invitation to be its first admin. All in one transaction; accepting twice is `invalid_state`.
 */
export async function acceptApplication(
  db: Db,
  actor: Actor | null,
  input: z.input<typeof acceptApplicationSchema>,
  now = new Date(),
) {
  assertCan(actor, "partners.admit");
  const { applicationId: id } = acceptApplicationSchema.parse(input);
  const result = await db.transaction(async (tx) => {
    const application = await lockPending(tx, id);
    const slug = await uniqueSlug(tx, application.organisationName);
    const [organisation] = await tx
      .insert(organisations)
      .values({
        slug,
        name: application.organisationName,
        kind: application.kind,
        status: "active",
        description: application.description,
        contactEmail: application.contactEmail,
        contactPhone: application.contactPhone,
        website: application.website,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: organisations.id, slug: organisations.slug, name: organisations.name });
    await tx
      .update(partnershipApplications)
      .set({ status: "accepted", organisationId: organisation.id, decidedBy: actor.userId, decidedAt: now })
      .where(eq(partnershipApplications.id, id));
    const invitation = await issueInvitation(
      tx,
      {
        organisationId: organisation.id,
        organisationName: organisation.name,
        email: application.contactEmail,
        role: "admin",
        createdBy: actor.userId,
        locale: application.locale as Locale,
      },
      now,
    );
    await recordAudit(tx, {
      actorUserId: actor.userId,
      organisationId: organisation.id,
      action: "partnership.accept",
      entityType: "partnership_application",
      entityId: id,
      before: { status: "pending" },
      after: { status: "accepted", organisationId: organisation.id, slug, invitationId: invitation.id },
    });
    return { organisationId: organisation.id, slug, name: organisation.name };
  });
  nudgeDelivery();
  return result;
}

export const rejectApplicationSchema = applicationId.extend({
  reason: z.string("reason_required").trim().min(3, "reason_required").max(1000, "too_long"),
});

/** The coordinator rejects an application and says why; the applicant is told by e-mail. */
export async function rejectApplication(
  db: Db,
  actor: Actor | null,
  input: z.input<typeof rejectApplicationSchema>,
  now = new Date(),
) {
  assertCan(actor, "partners.admit");
  const { applicationId: id, reason } = rejectApplicationSchema.parse(input);
  await db.transaction(async (tx) => {
    const application = await lockPending(tx, id);
    await tx
      .update(partnershipApplications)
      .set({ status: "rejected", decisionReason: reason, decidedBy: actor.userId, decidedAt: now })
      .where(and(eq(partnershipApplications.id, id)));
    await enqueueMail(
      tx,
      {
        to: application.contactEmail,
        kind: "application_rejected",
        locale: application.locale as Locale,
        params: { organisation: application.organisationName, name: application.contactName, reason },
      },
      now,
    );
    await recordAudit(tx, {
      actorUserId: actor.userId,
      organisationId: null,
      action: "partnership.reject",
      entityType: "partnership_application",
      entityId: id,
      before: { status: "pending" },
      after: { status: "rejected", reason },
    });
  });
  nudgeDelivery();
}
