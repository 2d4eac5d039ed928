import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/connect";
import { auditLog, outboxMessages, passwordResetTokens, users } from "@/db/schema";
import { checkPasswordResetToken, requestPasswordReset, resetPassword } from "@/lib/auth/password-reset";
import { verifyCredentials } from "@/lib/auth/verify-credentials";
import { hashToken } from "@/lib/members/tokens";
import { createTestDatabase, testDriver } from "../helpers/db";
import { createMember, createOrganisation, TEST_PASSWORD } from "../helpers/factories";

let h: DatabaseHandle;
beforeAll(async () => {
  h = await createTestDatabase();
});
afterAll(async () => {
  await h?.close();
});

const T0 = new Date("2027-06-01T10:00:00Z");
const minutesLater = (n: number) => new Date(T0.getTime() + n * 60_000);
const NEW_PASSWORD = "nowe-haslo-nad-Bobrem";

async function person() {
  const org = await createOrganisation(h.db);
  return createMember(h.db, org.id, "member");
}
const mailsTo = (address: string) =>
  h.db.select().from(outboxMessages).where(eq(outboxMessages.toAddress, address.toLowerCase()));
const tokenIn = (text: string) => /\/password-reset\/([\w-]+)/.exec(text)?.[1] ?? "";

describe(`password reset (${testDriver})`, () => {
  it("e-mails a one-hour, single-use link whose token is stored only as a hash", async () => {
    const { user } = await person();
    await requestPasswordReset(h.db, { email: user.email.toUpperCase() }, { ip: "192.0.2.1" }, T0);
    const [mail] = await mailsTo(user.email);
    expect(mail).toMatchObject({ kind: "password_reset", sensitive: true, userId: user.id });
    expect(mail.subject).toBe("Zmiana hasła we Współdzielni");
    const token = tokenIn(mail.textBody);
    expect(token.length).toBeGreaterThanOrEqual(40);
    const [row] = await h.db.select().from(passwordResetTokens).where(eq(passwordResetTokens.userId, user.id));
    expect(row.tokenHash).toBe(hashToken(token));
    expect(row.expiresAt.getTime() - T0.getTime()).toBe(60 * 60_000);
    const trail = await h.db.select().from(auditLog).where(eq(auditLog.actorUserId, user.id));
    expect(JSON.stringify(trail)).not.toContain(token);

    expect(await checkPasswordResetToken(h.db, token, minutesLater(30))).toBe(true);
    expect(await checkPasswordResetToken(h.db, token, minutesLater(61))).toBe(false);
    await expect(resetPassword(h.db, { token, password: "krotkie" }, minutesLater(5))).rejects.toMatchObject({
      code: "weak_password",
    });
    const { email } = await resetPassword(h.db, { token, password: NEW_PASSWORD }, minutesLater(5));
    expect(email).toBe(user.email);
    expect((await verifyCredentials(h.db, { email, password: NEW_PASSWORD }, minutesLater(6))).id).toBe(user.id);
    await expect(verifyCredentials(h.db, { email, password: TEST_PASSWORD }, minutesLater(6))).rejects.toMatchObject({
      code: "invalid_credentials",
    });
    // Single use.
    await expect(
      resetPassword(h.db, { token, password: "jeszcze-inne-haslo-1" }, minutesLater(7)),
    ).rejects.toMatchObject({ code: "validation", details: { reason: "reset_link_invalid" } });
    expect(JSON.stringify(await h.db.select().from(auditLog))).not.toContain(token);
  });

  it("refuses an expired link and one superseded by a newer link", async () => {
    const { user } = await person();
    await requestPasswordReset(h.db, { email: user.email }, {}, T0);
    const first = tokenIn((await mailsTo(user.email))[0].textBody);
    await expect(resetPassword(h.db, { token: first, password: NEW_PASSWORD }, minutesLater(61))).rejects.toMatchObject(
      {
        code: "validation",
      },
    );
    await requestPasswordReset(h.db, { email: user.email }, {}, minutesLater(1));
    const mails = await mailsTo(user.email);
    const second = tokenIn(mails[1].textBody);
    expect(second).not.toBe(first);
    await expect(resetPassword(h.db, { token: first, password: NEW_PASSWORD }, minutesLater(2))).rejects.toMatchObject({
      code: "validation",
    });
    await resetPassword(h.db, { token: second, password: NEW_PASSWORD }, minutesLater(2));
  });

  it("answers the same for unknown and disabled accounts, and sends nothing", async () => {
    const { user } = await person();
    await h.db.update(users).set({ disabled: true }).where(eq(users.id, user.id));
    await expect(requestPasswordReset(h.db, { email: user.email }, {}, T0)).resolves.toBeUndefined();
    await expect(requestPasswordReset(h.db, { email: "nikt@example.test" }, {}, T0)).resolves.toBeUndefined();
    expect(await mailsTo(user.email)).toHaveLength(0);
    expect(await mailsTo("nikt@example.test")).toHaveLength(0);
    await expect(requestPasswordReset(h.db, { email: "to nie adres" }, {}, T0)).rejects.toMatchObject({
      name: "ZodError",
    });
  });

  it("is rate-limited in the database per account and per client address, silently", async () => {
    const { user } = await person();
    for (let i = 0; i < 5; i++) await requestPasswordReset(h.db, { email: user.email }, {}, minutesLater(i));
    expect(await mailsTo(user.email)).toHaveLength(3);
    // An hour after the first ones, one more goes out.
    await requestPasswordReset(h.db, { email: user.email }, {}, minutesLater(61));
    expect(await mailsTo(user.email)).toHaveLength(4);

    const ip = "198.51.100.77";
    const others = await Promise.all(Array.from({ length: 11 }, () => person()));
    for (const o of others) await requestPasswordReset(h.db, { email: o.user.email }, { ip }, T0);
    const sent = await Promise.all(others.map((o) => mailsTo(o.user.email)));
    expect(sent.filter((m) => m.length === 1)).toHaveLength(10);
  });
});
