import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/connect";
import { auditLog, bookings, openingHours, resources } from "@/db/schema";
import { sqlState } from "@/lib/errors";
import { createTestDatabase, testDriver } from "../helpers/db";
import { createBooking, createOrganisation, createResource, createUser } from "../helpers/factories";

let h: DatabaseHandle;
beforeAll(async () => {
  h = await createTestDatabase();
});
afterAll(async () => {
  await h?.close();
});

const at = (iso: string) => new Date(iso);

/** The SQLSTATE a promise rejects with, or "none" when it succeeds. */
async function stateOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return "none";
  } catch (error) {
    return sqlState(error) ?? `unknown: ${String(error)}`;
  }
}

describe(`database guards (${testDriver})`, () => {
  it("has the exclusion constraint on bookings", async () => {
    const rows = await h.query<{ conname: string; contype: string; def: string }>(
      "select conname, contype, pg_get_constraintdef(oid) as def from pg_constraint where conname = 'bookings_no_overlap'",
    );
    expect(rows).toHaveLength(1);
    expect(rows[0].contype).toBe("x");
    expect(rows[0].def).toMatch(/EXCLUDE USING gist/);
    expect(rows[0].def).toMatch(/blocked_period WITH &&/);
  });

  it("refuses a second active booking that overlaps on a unit resource", async () => {
    const owner = await createOrganisation(h.db);
    const borrower = await createOrganisation(h.db);
    const hall = await createResource(h.db, owner.id, { quantity: 1 });
    const base = { resourceId: hall.id, organisationId: borrower.id };
    await createBooking(h.db, { ...base, start: at("2026-06-06T08:00:00Z"), end: at("2026-06-06T10:00:00Z") });
    expect(
      await stateOf(
        createBooking(h.db, { ...base, start: at("2026-06-06T09:00:00Z"), end: at("2026-06-06T11:00:00Z") }),
      ),
    ).toBe("23P01");
    expect(
      await stateOf(
        createBooking(h.db, {
          ...base,
          status: "pending",
          start: at("2026-06-06T07:00:00Z"),
          end: at("2026-06-06T08:30:00Z"),
        }),
      ),
    ).toBe("23P01");
    // Half-open periods: back to back is fine.
    expect(
      await stateOf(
        createBooking(h.db, { ...base, start: at("2026-06-06T10:00:00Z"), end: at("2026-06-06T12:00:00Z") }),
      ),
    ).toBe("none");
    // Declined and cancelled requests hold nothing.
    expect(
      await stateOf(
        createBooking(h.db, {
          ...base,
          status: "cancelled",
          start: at("2026-06-06T08:00:00Z"),
          end: at("2026-06-06T10:00:00Z"),
        }),
      ),
    ).toBe("none");
  });

  it("counts the buffer after each booking", async () => {
    const owner = await createOrganisation(h.db);
    const hall = await createResource(h.db, owner.id, { quantity: 1, bufferMinutes: 30 });
    const base = { resourceId: hall.id, organisationId: owner.id };
    await createBooking(h.db, { ...base, start: at("2026-06-07T08:00:00Z"), end: at("2026-06-07T10:00:00Z") });
    expect(
      await stateOf(
        createBooking(h.db, { ...base, start: at("2026-06-07T10:15:00Z"), end: at("2026-06-07T11:00:00Z") }),
      ),
    ).toBe("23P01");
    expect(
      await stateOf(
        createBooking(h.db, { ...base, start: at("2026-06-07T07:00:00Z"), end: at("2026-06-07T07:45:00Z") }),
      ),
    ).toBe("23P01");
    expect(
      await stateOf(
        createBooking(h.db, { ...base, start: at("2026-06-07T10:30:00Z"), end: at("2026-06-07T11:00:00Z") }),
      ),
    ).toBe("none");
  });

  it("makes approving an overlapping request fail the same way", async () => {
    const owner = await createOrganisation(h.db);
    const hall = await createResource(h.db, owner.id, { quantity: 1 });
    const base = { resourceId: hall.id, organisationId: owner.id };
    await createBooking(h.db, { ...base, start: at("2026-06-08T08:00:00Z"), end: at("2026-06-08T10:00:00Z") });
    const declined = await createBooking(h.db, {
      ...base,
      status: "declined",
      start: at("2026-06-08T09:00:00Z"),
      end: at("2026-06-08T11:00:00Z"),
    });
    expect(await stateOf(h.db.update(bookings).set({ status: "approved" }).where(eq(bookings.id, declined.id)))).toBe(
      "23P01",
    );
  });

  it("leaves quantity resources to the booking use-case (no exclusion between units)", async () => {
    const owner = await createOrganisation(h.db);
    const chairs = await createResource(h.db, owner.id, { kind: "equipment", quantity: 120 });
    const base = {
      resourceId: chairs.id,
      organisationId: owner.id,
      start: at("2026-06-09T08:00:00Z"),
      end: at("2026-06-09T10:00:00Z"),
    };
    await createBooking(h.db, { ...base, quantity: 10 });
    const second = await createBooking(h.db, { ...base, quantity: 10 });
    expect(second.exclusive).toBe(false);
  });

  it("stores periods as tstzrange and rejects empty or unbounded ones", async () => {
    const owner = await createOrganisation(h.db);
    const hall = await createResource(h.db, owner.id);
    const [{ type }] = await h.query<{ type: string }>(
      "select format_type(atttypid, atttypmod) as type from pg_attribute where attrelid = 'bookings'::regclass and attname = 'period'",
    );
    expect(type).toBe("tstzrange");
    const insert = (period: string) =>
      h.db.insert(bookings).values({ resourceId: hall.id, organisationId: owner.id, period }).returning();
    expect(await stateOf(insert("empty"))).toBe("23514");
    expect(await stateOf(insert("[2026-06-10 08:00+00,)"))).toBe("23514");
  });

  it("keeps e-mail addresses unique whatever their case", async () => {
    await createUser(h.db, { email: "Anna.Nowak@example.test" });
    expect(await stateOf(createUser(h.db, { email: "anna.nowak@EXAMPLE.test" }))).toBe("23505");
  });

  it("keeps the audit log append-only", async () => {
    const [entry] = await h.db
      .insert(auditLog)
      .values({ action: "test.append", entityType: "test", after: { ok: true } })
      .returning();
    expect(await stateOf(h.db.update(auditLog).set({ action: "changed" }).where(eq(auditLog.id, entry.id)))).toBe(
      "42501",
    );
    expect(await stateOf(h.db.delete(auditLog).where(eq(auditLog.id, entry.id)))).toBe("42501");
    expect(await stateOf(h.query("TRUNCATE audit_log"))).toBe("42501");
    const [still] = await h.db.select().from(auditLog).where(eq(auditLog.id, entry.id));
    expect(still.action).toBe("test.append");
  });

  it("keeps each resource's weekly hours on its row as its opening hours change (the search reads them there)", async () => {
    const org = await createOrganisation(h.db);
    const hall = await createResource(h.db, org.id);
    const other = await createResource(h.db, org.id);
    const weekly = async (id: string) =>
      (await h.db.select({ w: resources.weeklyHours }).from(resources).where(eq(resources.id, id)))[0].w;
    expect(await weekly(hall.id)).toBeNull();

    const [late] = await h.db
      .insert(openingHours)
      .values([
        { resourceId: hall.id, weekday: 2, startTime: "16:00", endTime: "24:00" },
        { resourceId: hall.id, weekday: 1, startTime: "08:00", endTime: "12:00" },
      ])
      .returning();
    await h.db.insert(openingHours).values({ resourceId: hall.id, weekday: 1, startTime: "13:00", endTime: "15:30" });
    expect(await weekly(hall.id)).toBe("1 08:00 12:00,1 13:00 15:30,2 16:00 24:00");

    await h.db.update(openingHours).set({ endTime: "22:00" }).where(eq(openingHours.id, late.id));
    expect(await weekly(hall.id)).toBe("1 08:00 12:00,1 13:00 15:30,2 16:00 22:00");

    // Moved to another resource: both rows follow.
    await h.db.update(openingHours).set({ resourceId: other.id }).where(eq(openingHours.id, late.id));
    expect(await weekly(hall.id)).toBe("1 08:00 12:00,1 13:00 15:30");
    expect(await weekly(other.id)).toBe("2 16:00 22:00");

    await h.db.delete(openingHours).where(eq(openingHours.resourceId, hall.id));
    expect(await weekly(hall.id)).toBeNull();
    expect(await weekly(other.id)).toBe("2 16:00 22:00");
  });

  it("keeps both intervals when two transactions add hours to one resource at once", async () => {
    const org = await createOrganisation(h.db);
    const hall = await createResource(h.db, org.id);
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    // The first transaction adds Monday and stays open; the second adds Tuesday meanwhile (on PostgreSQL its trigger
    // waits for the first to commit, then must see Monday).
    const first = h.db.transaction(async (tx) => {
      await tx.insert(openingHours).values({ resourceId: hall.id, weekday: 1, startTime: "08:00", endTime: "16:00" });
      await held;
    });
    await new Promise((r) => setTimeout(r, 50));
    const second = h.db.transaction(async (tx) => {
      await tx.insert(openingHours).values({ resourceId: hall.id, weekday: 2, startTime: "09:00", endTime: "17:00" });
    });
    await new Promise((r) => setTimeout(r, 150));
    release();
    await Promise.all([first, second]);
    const [row] = await h.db.select({ w: resources.weeklyHours }).from(resources).where(eq(resources.id, hall.id));
    expect(row.w).toBe("1 08:00 16:00,2 09:00 17:00");
  });
});
