import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/connect";
import { loginAttempts, memberships, organisations, users } from "@/db/schema";
import { loadActor } from "@/lib/auth/actor";
import { LOGIN_LIMITS } from "@/lib/auth/rate-limit";
import { verifyCredentials } from "@/lib/auth/verify-credentials";
import { codeOf } from "../helpers/codes";
import { createTestDatabase, testDriver } from "../helpers/db";
import { createMember, createOrganisation, createUser, TEST_PASSWORD } from "../helpers/factories";

let h: DatabaseHandle;
beforeAll(async () => {
  h = await createTestDatabase();
});
afterAll(async () => {
  await h?.close();
});

const now = new Date("2026-11-26T10:00:00Z");

describe(`sign-in (${testDriver})`, () => {
  it("accepts the right password whatever the e-mail's case, refuses a wrong one", async () => {
    const user = await createUser(h.db, { email: "Ewa.Kowalska@example.test" });
    const ok = await verifyCredentials(h.db, { email: " ewa.kowalska@EXAMPLE.test ", password: TEST_PASSWORD }, now);
    expect(ok.id).toBe(user.id);
    expect(await codeOf(verifyCredentials(h.db, { email: user.email, password: "wrong-password-1" }, now))).toBe(
      "invalid_credentials",
    );
  });

  it("answers an unknown address and a disabled account exactly like a wrong password", async () => {
    expect(await codeOf(verifyCredentials(h.db, { email: "nobody@example.test", password: TEST_PASSWORD }, now))).toBe(
      "invalid_credentials",
    );
    const disabled = await createUser(h.db, { disabled: true });
    expect(await codeOf(verifyCredentials(h.db, { email: disabled.email, password: TEST_PASSWORD }, now))).toBe(
      "invalid_credentials",
    );
  });

  it("locks an account after repeated failures, even for the right password, and keeps the count in the database", async () => {
    const user = await createUser(h.db);
    for (let i = 0; i < LOGIN_LIMITS.perAccount; i++) {
      expect(await codeOf(verifyCredentials(h.db, { email: user.email, password: `wrong-${i}-password` }, now))).toBe(
        "invalid_credentials",
      );
    }
    expect(await codeOf(verifyCredentials(h.db, { email: user.email, password: TEST_PASSWORD }, now))).toBe(
      "rate_limited",
    );
    const stored = await h.db
      .select()
      .from(loginAttempts)
      .where(eq(loginAttempts.key, `account:${user.email}`));
    expect(stored.length).toBe(LOGIN_LIMITS.perAccount);
    // After the window the owner can sign in again.
    const later = new Date(now.getTime() + (LOGIN_LIMITS.windowMinutes + 1) * 60_000);
    expect(await codeOf(verifyCredentials(h.db, { email: user.email, password: TEST_PASSWORD }, later))).toBe("ok");
  });

  it("limits one client address trying many accounts", async () => {
    const ip = "203.0.113.7";
    for (let i = 0; i < LOGIN_LIMITS.perAddress; i++) {
      await codeOf(verifyCredentials(h.db, { email: `spray-${i}@example.test`, password: "guess-guess-1", ip }, now));
    }
    const user = await createUser(h.db);
    expect(await codeOf(verifyCredentials(h.db, { email: user.email, password: TEST_PASSWORD, ip }, now))).toBe(
      "rate_limited",
    );
    expect(
      await codeOf(verifyCredentials(h.db, { email: user.email, password: TEST_PASSWORD, ip: "198.51.100.1" }, now)),
    ).toBe("ok");
  });
});

describe(`the actor is read from the database (${testDriver})`, () => {
  it("gives the membership's role and loses access when the membership goes", async () => {
    const org = await createOrganisation(h.db);
    const { user, actor } = await createMember(h.db, org.id, "admin");
    expect(actor).toMatchObject({ organisationId: org.id, role: "admin", coordinator: false });
    await h.db.delete(memberships).where(eq(memberships.userId, user.id));
    expect(await loadActor(h.db, user.id, org.id)).toBeNull();
  });

  it("loses access when the user is disabled or the organisation suspended", async () => {
    const org = await createOrganisation(h.db);
    const a = await createMember(h.db, org.id);
    await h.db.update(users).set({ disabled: true }).where(eq(users.id, a.user.id));
    expect(await loadActor(h.db, a.user.id, org.id)).toBeNull();
    const b = await createMember(h.db, org.id);
    await h.db.update(organisations).set({ status: "suspended" }).where(eq(organisations.id, org.id));
    expect(await loadActor(h.db, b.user.id, org.id)).toBeNull();
  });

  it("honours the coordinator role only in the leading organisation", async () => {
    const leader = await createOrganisation(h.db, { isLeader: true });
    const other = await createOrganisation(h.db);
    const coordinator = await createMember(h.db, leader.id, "member", { coordinator: true });
    expect(coordinator.actor.coordinator).toBe(true);
    const pretender = await createMember(h.db, other.id, "admin", { coordinator: true });
    expect(pretender.actor.coordinator).toBe(false);
  });

  it("switches between the user's organisations and ignores one the user does not belong to", async () => {
    const first = await createOrganisation(h.db, { name: "A pierwsza" });
    const second = await createOrganisation(h.db, { name: "B druga" });
    const stranger = await createOrganisation(h.db, { name: "C obca" });
    const { user } = await createMember(h.db, first.id, "admin");
    await h.db.insert(memberships).values({ userId: user.id, organisationId: second.id, role: "member" });
    const inSecond = await loadActor(h.db, user.id, second.id);
    expect(inSecond).toMatchObject({ organisationId: second.id, role: "member" });
    expect(inSecond?.memberships.map((m) => m.organisationId).sort()).toEqual([first.id, second.id].sort());
    const fallback = await loadActor(h.db, user.id, stranger.id);
    expect(fallback?.organisationId).toBe(first.id);
  });
});
