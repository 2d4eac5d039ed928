import { and, count, eq, gt, inArray, lt } from "drizzle-orm";
import type { Db } from "@/db/connect";
import { loginAttempts, rateLimitHits } from "@/db/schema";

/** Failed sign-ins allowed per window: per account (guessing one password) and per client address (spraying). */
export const LOGIN_LIMITS = { windowMinutes: 15, perAccount: 5, perAddress: 20 } as const;

export const accountKey = (email: string) => `account:${email.trim().toLowerCase()}`;
export const addressKey = (ip: string) => `ip:${ip}`;

/** True when either key has used up its failures in the window. Kept in the database: holds across restarts and instances. */
export async function isLoginBlocked(
  db: Db,
  keys: { account: string; address?: string | null },
  now: Date,
): Promise<boolean> {
  const since = new Date(now.getTime() - LOGIN_LIMITS.windowMinutes * 60_000);
  const failures = async (key: string) => {
    const [row] = await db
      .select({ n: count() })
      .from(loginAttempts)
      .where(and(eq(loginAttempts.key, key), eq(loginAttempts.success, false), gt(loginAttempts.at, since)));
    return row?.n ?? 0;
  };
  if ((await failures(keys.account)) >= LOGIN_LIMITS.perAccount) return true;
  if (keys.address && (await failures(keys.address)) >= LOGIN_LIMITS.perAddress) return true;
  return false;
}

export async function recordLoginAttempt(
  db: Db,
  keys: { account: string; address?: string | null },
  success: boolean,
  now: Date,
): Promise<void> {
  const list = [keys.account, ...(keys.address ? [keys.address] : [])];
  if (success) {
    // A success clears the account's failures, so the owner is not locked out by their own typos.
    await db
      .delete(loginAttempts)
      .where(and(inArray(loginAttempts.key, [keys.account]), eq(loginAttempts.success, false)));
    return;
  }
  await db.insert(loginAttempts).values(list.map((key) => ({ key, success, at: now })));
  // Keep the table small: attempts older than a day are of no use to the limiter.
  await db.delete(loginAttempts).where(lt(loginAttempts.at, new Date(now.getTime() - 86_400_000)));
}

/**
 * A sliding-window limit for public actions (password reset, applications), kept in the database so it holds across
 * restarts and instances. Counts the key's hits in the window and records this one; false when the limit is used up
 * (the refused attempt is not recorded, so waiting always helps).
 */
export async function consumeRateLimit(
  db: Db,
  key: string,
  limit: { max: number; windowMinutes: number },
  now: Date,
): Promise<boolean> {
  const since = new Date(now.getTime() - limit.windowMinutes * 60_000);
  const [row] = await db
    .select({ n: count() })
    .from(rateLimitHits)
    .where(and(eq(rateLimitHits.key, key), gt(rateLimitHits.at, since)));
  if ((row?.n ?? 0) >= limit.max) return false;
  await db.insert(rateLimitHits).values({ key, at: now });
  // Keep the table small: hits older than a day are of no use to any limit here.
  await db.delete(rateLimitHits).where(lt(rateLimitHits.at, new Date(now.getTime() - 86_400_000)));
  return true;
}
