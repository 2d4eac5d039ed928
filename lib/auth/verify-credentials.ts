import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db/connect";
import { users } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { verifyAgainstDummy, verifyPassword } from "./password";
import { accountKey, addressKey, isLoginBlocked, recordLoginAttempt } from "./rate-limit";

export interface Credentials {
  email: string;
  password: string;
  /** The client's address, for the per-address limit. */
  ip?: string | null;
}

/**
 * Checks an email and password. Returns the user, or throws `rate_limited` / `invalid_credentials`;
 * the same answer for an unknown email, a wrong password and a disabled account.
 */
export async function verifyCredentials(db: Db, input: Credentials, now = new Date()) {
  const keys = { account: accountKey(input.email), address: input.ip ? addressKey(input.ip) : null };
  if (await isLoginBlocked(db, keys, now)) throw new AppError("rate_limited");

  const [user] = await db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      passwordHash: users.passwordHash,
      disabled: users.disabled,
    })
    .from(users)
    .where(eq(sql`lower(${users.email})`, input.email.trim().toLowerCase()))
    .limit(1);

  let ok = false;
  if (user?.passwordHash) ok = await verifyPassword(user.passwordHash, input.password);
  else await verifyAgainstDummy(input.password);

  await recordLoginAttempt(db, keys, ok, now);
  if (!ok || !user || user.disabled) throw new AppError("invalid_credentials");
  return { id: user.id, email: user.email, name: user.name };
}
