import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/connect";
import { users } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Actor } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { locales } from "@/lib/i18n/config";
import { type EmailCategory, emailCategories } from "./kinds";

/** Which e-mails the actor wants and in which language (each person decides for themselves). */
export async function getEmailPreferences(db: Db, actor: Actor | null) {
  if (!actor) throw new AppError("unauthenticated");
  const [row] = await db
    .select({ locale: users.locale, emailOff: users.emailOff })
    .from(users)
    .where(eq(users.id, actor.userId));
  if (!row) throw new AppError("not_found");
  const off = new Set(row.emailOff);
  return {
    locale: row.locale === "en" ? ("en" as const) : ("pl" as const),
    categories: Object.fromEntries(emailCategories.map((c) => [c, !off.has(c)])) as Record<EmailCategory, boolean>,
  };
}

const checkbox = z.preprocess((v) => v === "on" || v === true || v === "true", z.boolean());

export const updateEmailPreferencesSchema = z.object({
  locale: z.enum(locales, "invalid"),
  requests: checkbox,
  decisions: checkbox,
  reminders: checkbox,
  partnership: checkbox,
});

export async function updateEmailPreferences(
  db: Db,
  actor: Actor | null,
  input: z.input<typeof updateEmailPreferencesSchema>,
) {
  if (!actor) throw new AppError("unauthenticated");
  const data = updateEmailPreferencesSchema.parse(input);
  const emailOff = emailCategories.filter((c) => !data[c]);
  await db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ locale: data.locale, emailOff, updatedAt: new Date() })
      .where(eq(users.id, actor.userId));
    await recordAudit(tx, {
      actorUserId: actor.userId,
      organisationId: actor.organisationId,
      action: "user.email_preferences",
      entityType: "user",
      entityId: actor.userId,
      after: { locale: data.locale, emailOff },
    });
  });
}
