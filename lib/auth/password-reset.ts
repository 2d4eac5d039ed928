import { and, eq, gt, isNull, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/connect";
import { loginAttempts, passwordResetTokens, users } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { AppError } from "@/lib/errors";
import { type Locale, locales } from "@/lib/i18n/config";
import { nudgeDelivery } from "@/lib/mail/wake";
import { hashToken, newToken } from "@/lib/members/tokens";
import { enqueueMail } from "@/lib/notifications/notify";
import { hashPassword, PASSWORD_MAX, passwordProblem } from "./password";
import { accountKey, consumeRateLimit } from "./rate-limit";

export const RESET = {
  /** A link works for an hour, once. */
  ttlMinutes: 60,
  perAccount: { max: 3, windowMinutes: 60 },
  perAddress: { max: 10, windowMinutes: 60 },
} as const;

export const requestPasswordResetSchema = z.object({
  email: z.string("required").trim().toLowerCase().min(1, "required").max(320, "too_long").pipe(z.email("email")),
});

/**
 * Sends a password reset link if the address belongs to an active account. The caller always answers the same,
 * whether the account exists, is disabled or the limit is used up, so the form tells nothing about who has an
 * account. Limits (per address and per client address) live in the database. A new link revokes the earlier ones.
 */
export async function requestPasswordReset(
  db: Db,
  input: z.input<typeof requestPasswordResetSchema>,
  context: { ip?: string | null; locale?: Locale } = {},
  now = new Date(),
): Promise<void> {
  const { email } = requestPasswordResetSchema.parse(input);
  const sent = await db.transaction(async (tx) => {
    if (context.ip && !(await consumeRateLimit(tx, `reset-ip:${context.ip}`, RESET.perAddress, now))) return false;
    if (!(await consumeRateLimit(tx, `reset:${email}`, RESET.perAccount, now))) return false;
    const [user] = await tx
      .select({ id: users.id, disabled: users.disabled, locale: users.locale })
      .from(users)
      .where(eq(sql`lower(${users.email})`, email))
      .limit(1);
    if (!user || user.disabled) return false;
    await tx
      .update(passwordResetTokens)
      .set({ usedAt: now })
      .where(and(eq(passwordResetTokens.userId, user.id), isNull(passwordResetTokens.usedAt)));
    const token = newToken();
    const expiresAt = new Date(now.getTime() + RESET.ttlMinutes * 60_000);
    const [row] = await tx
      .insert(passwordResetTokens)
      .values({ userId: user.id, tokenHash: hashToken(token), expiresAt, createdAt: now })
      .returning({ id: passwordResetTokens.id });
    const locale = locales.includes(user.locale as Locale) ? (user.locale as Locale) : (context.locale ?? "pl");
    await enqueueMail(
      tx,
      {
        to: email,
        userId: user.id,
        kind: "password_reset",
        locale,
        sensitive: true,
        params: { start: expiresAt.toISOString(), end: null, link: `/password-reset/${token}` },
      },
      now,
    );
    await recordAudit(tx, {
      actorUserId: user.id,
      organisationId: null,
      action: "password_reset.request",
      entityType: "password_reset",
      entityId: row.id,
      after: { expiresAt },
    });
    return true;
  });
  if (sent) nudgeDelivery();
}

const tokenSchema = z.string().trim().min(20, "invalid").max(200, "invalid");

/** Whether a reset link can still be used (for the page that asks for the new password). */
export async function checkPasswordResetToken(db: Db, token: string, now = new Date()): Promise<boolean> {
  const parsed = tokenSchema.safeParse(token);
  if (!parsed.success) return false;
  const [row] = await db
    .select({ id: passwordResetTokens.id })
    .from(passwordResetTokens)
    .innerJoin(users, and(eq(users.id, passwordResetTokens.userId), eq(users.disabled, false)))
    .where(
      and(
        eq(passwordResetTokens.tokenHash, hashToken(parsed.data)),
        isNull(passwordResetTokens.usedAt),
        gt(passwordResetTokens.expiresAt, now),
      ),
    )
    .limit(1);
  return Boolean(row);
}

export const resetPasswordSchema = z.object({
  token: tokenSchema,
  password: z.string().min(1, "required").max(PASSWORD_MAX, "too_long"),
});

/**
 * Sets a new password with a reset link: the token row is locked, checked (unused, unexpired) and marked used in one
 * transaction, so it works once. The account's failed sign-ins are cleared. Returns the address to sign in with.
 */
export async function resetPassword(db: Db, input: z.input<typeof resetPasswordSchema>, now = new Date()) {
  const { token, password } = resetPasswordSchema.parse(input);
  const problem = passwordProblem(password);
  if (problem) throw new AppError("weak_password", { field: "password", reason: `password_${problem}` });
  const passwordHash = await hashPassword(password);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({
        id: passwordResetTokens.id,
        userId: passwordResetTokens.userId,
        usedAt: passwordResetTokens.usedAt,
        expiresAt: passwordResetTokens.expiresAt,
      })
      .from(passwordResetTokens)
      .where(eq(passwordResetTokens.tokenHash, hashToken(token)))
      .for("update")
      .limit(1);
    if (!row || row.usedAt || row.expiresAt <= now)
      throw new AppError("validation", { field: "form", reason: "reset_link_invalid" });
    const [user] = await tx
      .update(users)
      .set({ passwordHash, updatedAt: now })
      .where(and(eq(users.id, row.userId), eq(users.disabled, false)))
      .returning({ email: users.email });
    if (!user) throw new AppError("validation", { field: "form", reason: "reset_link_invalid" });
    // Every open link of the account is used up, not only this one.
    await tx
      .update(passwordResetTokens)
      .set({ usedAt: now })
      .where(and(eq(passwordResetTokens.userId, row.userId), isNull(passwordResetTokens.usedAt)));
    await tx.delete(loginAttempts).where(eq(loginAttempts.key, accountKey(user.email)));
    await recordAudit(tx, {
      actorUserId: row.userId,
      organisationId: null,
      action: "password_reset.complete",
      entityType: "password_reset",
      entityId: row.id,
    });
    return { email: user.email };
  });
}
