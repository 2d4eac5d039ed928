import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/connect";
import { organisations } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { type Actor, assertCan } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, "too_long")
    .transform((v) => (v === "" ? null : v))
    .nullable()
    .optional();

export const updateOrganisationSchema = z.object({
  name: z.string().trim().min(3, "too_short").max(200, "too_long"),
  description: z.string().trim().max(4000, "too_long"),
  contactEmail: z
    .string()
    .trim()
    .max(320, "too_long")
    .refine((v) => v === "" || z.email().safeParse(v).success, "email")
    .transform((v) => (v === "" ? null : v)),
  contactPhone: optionalText(40),
  website: z
    .string()
    .trim()
    .max(300, "too_long")
    .refine((v) => v === "" || /^https?:\/\/[^\s]+\.[^\s]+$/i.test(v), "url")
    .transform((v) => (v === "" ? null : v)),
  address: optionalText(300),
});
export type UpdateOrganisationInput = z.infer<typeof updateOrganisationSchema>;

/** An admin edits the profile of their own organisation, and only that one. */
export async function updateOrganisation(db: Db, actor: Actor | null, input: UpdateOrganisationInput) {
  assertCan(actor, "organisation.update");
  const data = updateOrganisationSchema.parse(input);
  return db.transaction(async (tx) => {
    const [before] = await tx
      .select()
      .from(organisations)
      .where(eq(organisations.id, actor.organisationId))
      .for("update");
    if (!before) throw new AppError("not_found");
    const [after] = await tx
      .update(organisations)
      .set({ ...data, updatedAt: new Date() })
      .where(eq(organisations.id, actor.organisationId))
      .returning();
    await recordAudit(tx, {
      actorUserId: actor.userId,
      organisationId: actor.organisationId,
      action: "organisation.update",
      entityType: "organisation",
      entityId: actor.organisationId,
      before,
      after,
    });
    return after;
  });
}
