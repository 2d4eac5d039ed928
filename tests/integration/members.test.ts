import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/connect";
import { auditLog, invitations, memberships, users } from "@/db/schema";
import { loadActor } from "@/lib/auth/actor";
import { verifyCredentials } from "@/lib/auth/verify-credentials";
import { acceptInvitation, getInvitation } from "@/lib/members/accept-invitation";
import { changeMemberRole } from "@/lib/members/change-member-role";
import { inviteMember } from "@/lib/members/invite-member";
import { listMembers } from "@/lib/members/list-members";
import { removeMember } from "@/lib/members/remove-member";
import { hashToken } from "@/lib/members/tokens";
import { codeOf } from "../helpers/codes";
import { createTestDatabase, testDriver } from "../helpers/db";
import { createMember, createOrganisation, TEST_PASSWORD } from "../helpers/factories";

let h: DatabaseHandle;
beforeAll(async () => {
  h = await createTestDatabase();
});
afterAll(async () => {
  await h?.close();
});

describe(`members and invitations (${testDriver})`, () => {
  it("invites by a one-time link whose token is stored only as a hash", async () => {
    const org = await createOrganisation(h.db);
    const { actor } = await createMember(h.db, org.id, "admin");
    const now = new Date("2026-11-26T10:00:00Z");
    const inv = await inviteMember(h.db, actor, { email: "Nowa.Osoba@Example.test", role: "member" }, now);
    expect(inv.email).toBe("nowa.osoba@example.test");
    const [row] = await h.db.select().from(invitations).where(eq(invitations.id, inv.id));
    expect(row.tokenHash).toBe(hashToken(inv.token));
    expect(JSON.stringify(row)).not.toContain(inv.token);
    const [audit] = await h.db.select().from(auditLog).where(eq(auditLog.entityId, inv.id));
    expect(JSON.stringify(audit)).not.toContain(inv.token);

    expect((await getInvitation(h.db, inv.token, now)).accountExists).toBe(false);
    const joined = await acceptInvitation(
      h.db,
      { token: inv.token, name: "Nowa Osoba", password: "zielony-rower-nad-Bobrem" },
      now,
    );
    const newcomer = await loadActor(h.db, joined.userId, org.id);
    expect(newcomer).toMatchObject({ organisationId: org.id, role: "member" });
    expect((await verifyCredentials(h.db, { email: inv.email, password: "zielony-rower-nad-Bobrem" }, now)).id).toBe(
      joined.userId,
    );
    // Single use.
    expect(
      await codeOf(acceptInvitation(h.db, { token: inv.token, name: "Ktoś", password: "inne-haslo-dlugie" }, now)),
    ).toBe("invitation_invalid");
  });

  it("refuses an expired invitation, a weak password and a wrong password of an existing account", async () => {
    const org = await createOrganisation(h.db);
    const { actor } = await createMember(h.db, org.id, "admin");
    const now = new Date("2026-11-26T10:00:00Z");
    const expired = await inviteMember(h.db, actor, { email: "late@example.test", role: "member" }, now);
    const eightDaysLater = new Date(now.getTime() + 8 * 86_400_000);
    expect(
      await codeOf(
        acceptInvitation(h.db, { token: expired.token, name: "Late", password: "dluuugie-haslo" }, eightDaysLater),
      ),
    ).toBe("invitation_invalid");

    const weak = await inviteMember(h.db, actor, { email: "weak@example.test", role: "member" }, now);
    expect(await codeOf(acceptInvitation(h.db, { token: weak.token, name: "Weak", password: "1234567890" }, now))).toBe(
      "weak_password",
    );
    expect(await codeOf(acceptInvitation(h.db, { token: weak.token, name: "Weak", password: "krotkie" }, now))).toBe(
      "weak_password",
    );
    expect(await h.db.select().from(users).where(eq(users.email, "weak@example.test"))).toHaveLength(0);

    const other = await createOrganisation(h.db);
    const existing = await createMember(h.db, other.id, "member");
    const again = await inviteMember(h.db, actor, { email: existing.user.email, role: "admin" }, now);
    expect((await getInvitation(h.db, again.token, now)).accountExists).toBe(true);
    expect(await codeOf(acceptInvitation(h.db, { token: again.token, password: "not-the-password" }, now))).toBe(
      "invalid_credentials",
    );
    await acceptInvitation(h.db, { token: again.token, password: TEST_PASSWORD }, now);
    const both = await loadActor(h.db, existing.user.id, org.id);
    expect(both).toMatchObject({ organisationId: org.id, role: "admin" });
    expect(both?.memberships).toHaveLength(2);
  });

  it("never leaves an organisation without an admin", async () => {
    const org = await createOrganisation(h.db);
    const admin = await createMember(h.db, org.id, "admin");
    expect(await codeOf(changeMemberRole(h.db, admin.actor, { userId: admin.user.id, role: "member" }))).toBe(
      "last_admin",
    );
    expect(await codeOf(removeMember(h.db, admin.actor, { userId: admin.user.id }))).toBe("last_admin");
    const second = await createMember(h.db, org.id, "member");
    await changeMemberRole(h.db, admin.actor, { userId: second.user.id, role: "admin" });
    await changeMemberRole(h.db, admin.actor, { userId: admin.user.id, role: "member" });
    const roles = await h.db
      .select({ role: memberships.role })
      .from(memberships)
      .where(eq(memberships.organisationId, org.id));
    expect(roles.map((r) => r.role).sort()).toEqual(["admin", "member"]);
  });

  it("refuses an invitation for someone who already belongs", async () => {
    const org = await createOrganisation(h.db);
    const admin = await createMember(h.db, org.id, "admin");
    const member = await createMember(h.db, org.id, "member");
    expect(
      await codeOf(inviteMember(h.db, admin.actor, { email: member.user.email.toUpperCase(), role: "member" })),
    ).toBe("already_member");
  });

  it("writes who removed whom to the audit log", async () => {
    const org = await createOrganisation(h.db);
    const admin = await createMember(h.db, org.id, "admin");
    const member = await createMember(h.db, org.id, "member");
    await removeMember(h.db, admin.actor, { userId: member.user.id });
    const entries = await h.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "member.remove"), eq(auditLog.entityId, member.user.id)));
    expect(entries).toHaveLength(1);
    expect(entries[0].actorUserId).toBe(admin.user.id);
    expect(entries[0].before).toMatchObject({ role: "member" });
    expect((await listMembers(h.db, admin.actor)).members.map((m) => m.userId)).not.toContain(member.user.id);
  });
});
