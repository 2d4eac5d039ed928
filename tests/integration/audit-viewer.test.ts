import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/connect";
import { auditLog } from "@/db/schema";
import { AUDIT_PAGE, auditFilterOptions, listAuditEntries } from "@/lib/audit/list-audit";
import { sqlState } from "@/lib/errors";
import { inviteMember } from "@/lib/members/invite-member";
import { createTestDatabase, testDriver } from "../helpers/db";
import { createMember, createOrganisation } from "../helpers/factories";

let h: DatabaseHandle;
beforeAll(async () => {
  h = await createTestDatabase();
});
afterAll(async () => {
  await h?.close();
});

async function stateOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return "none";
  } catch (error) {
    return sqlState(error) ?? `unknown: ${String(error)}`;
  }
}

describe(`audit trail viewer (${testDriver})`, () => {
  it("filters by organisation, person, action and day, newest first, a page at a time; only for the coordinator", async () => {
    const leader = await createOrganisation(h.db, { isLeader: true });
    const coordinator = await createMember(h.db, leader.id, "admin", { coordinator: true });
    const a = await createOrganisation(h.db, { name: "Organizacja A" });
    const b = await createOrganisation(h.db, { name: "Organizacja B" });
    const adminA = await createMember(h.db, a.id, "admin", { user: { name: "Zofia Filtrowana" } });
    const adminB = await createMember(h.db, b.id, "admin");
    const inv = await inviteMember(h.db, adminA.actor, { email: "x@example.test", role: "member" });
    await inviteMember(h.db, adminB.actor, { email: "y@example.test", role: "member" });

    const byOrg = await listAuditEntries(h.db, coordinator.actor, { organisationId: a.id });
    expect(byOrg.entries.map((e) => e.action)).toEqual(["member.invite"]);
    expect(byOrg.entries[0]).toMatchObject({ organisationName: "Organizacja A", actorName: "Zofia Filtrowana" });
    expect(JSON.stringify(byOrg.entries)).not.toContain(inv.token);

    const byUser = await listAuditEntries(h.db, coordinator.actor, { user: "filtrowana" });
    expect(byUser.entries.every((e) => e.actorUserId === adminA.user.id)).toBe(true);
    expect(byUser.entries).toHaveLength(1);

    const byAction = await listAuditEntries(h.db, coordinator.actor, { action: "member" });
    expect(byAction.entries.length).toBeGreaterThanOrEqual(2);
    expect(byAction.entries.every((e) => e.action.startsWith("member."))).toBe(true);

    const options = await auditFilterOptions(h.db, coordinator.actor);
    expect(options.actions).toContain("member.invite");
    expect(options.organisations.map((o) => o.name)).toContain("Organizacja B");

    await expect(listAuditEntries(h.db, adminA.actor, {})).rejects.toMatchObject({ code: "forbidden" });
    await expect(listAuditEntries(h.db, null, {})).rejects.toMatchObject({ code: "unauthenticated" });
    await expect(listAuditEntries(h.db, coordinator.actor, { from: "wczoraj" })).rejects.toMatchObject({
      name: "ZodError",
    });
  });

  it("selects days in Polish time and pages through many entries", async () => {
    const leader = await createOrganisation(h.db, { slug: "lider-2" });
    const coordinator = await createMember(h.db, leader.id, "admin", { coordinator: true });
    coordinator.actor.coordinator = true;
    const org = await createOrganisation(h.db);
    const rows = Array.from({ length: AUDIT_PAGE + 5 }, (_, i) => ({
      at: new Date(Date.UTC(2030, 0, 1, 12, i)),
      actorUserId: null,
      organisationId: org.id,
      action: "test.entry",
      entityType: "test",
      entityId: String(i),
    }));
    rows.push({ ...rows[0], at: new Date("2030-01-01T23:30:00Z"), entityId: "late" }); // 2 January in Warsaw
    await h.db.insert(auditLog).values(rows);
    const first = await listAuditEntries(h.db, coordinator.actor, {
      organisationId: org.id,
      from: "2030-01-01",
      to: "2030-01-01",
    });
    expect(first.entries).toHaveLength(AUDIT_PAGE);
    expect(first.nextBefore).not.toBeNull();
    const second = await listAuditEntries(h.db, coordinator.actor, {
      organisationId: org.id,
      from: "2030-01-01",
      to: "2030-01-01",
      before: first.nextBefore ?? undefined,
    });
    expect(second.entries).toHaveLength(5);
    expect(second.nextBefore).toBeNull();
    const ids = [...first.entries, ...second.entries].map((e) => e.entityId);
    expect(ids).not.toContain("late");
    const nextDay = await listAuditEntries(h.db, coordinator.actor, { organisationId: org.id, from: "2030-01-02" });
    expect(nextDay.entries.map((e) => e.entityId)).toEqual(["late"]);
  });

  it("cannot be changed or deleted, in the database itself", async () => {
    const [row] = await h.query<{ id: number }>("SELECT id FROM audit_log ORDER BY id LIMIT 1");
    expect(await stateOf(h.query("UPDATE audit_log SET action = 'forged' WHERE id = $1", [row.id]))).toBe("42501");
    expect(await stateOf(h.query("DELETE FROM audit_log WHERE id = $1", [row.id]))).toBe("42501");
    expect(await stateOf(h.query("TRUNCATE audit_log"))).toBe("42501");
    const [still] = await h.query<{ action: string }>("SELECT action FROM audit_log WHERE id = $1", [row.id]);
    expect(still.action).not.toBe("forged");
  });
});
