import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/connect";
import { bookings, organisations, resources, users } from "@/db/schema";
import { DEMO_PASSWORD, demoLogins, isDemoInstance, seedDemo, seedIfEmpty } from "@/db/seed";
import { loadActor } from "@/lib/auth/actor";
import { verifyCredentials } from "@/lib/auth/verify-credentials";
import { createTestDatabase, testDriver } from "../helpers/db";

let h: DatabaseHandle;
const now = new Date("2026-11-26T11:00:00Z");
beforeAll(async () => {
  h = await createTestDatabase();
});
afterAll(async () => {
  await h?.close();
});

const counts = async () => {
  const [o] = await h.db.select({ n: sql<number>`count(*)::int` }).from(organisations);
  const [u] = await h.db.select({ n: sql<number>`count(*)::int` }).from(users);
  const [r] = await h.db.select({ n: sql<number>`count(*)::int` }).from(resources);
  const [b] = await h.db.select({ n: sql<number>`count(*)::int` }).from(bookings);
  return { organisations: o.n, users: u.n, resources: r.n, bookings: b.n };
};

describe(`demo seed (${testDriver})`, () => {
  it("creates the nine partners, their demo accounts, resources of every kind and past and coming bookings", async () => {
    expect(await isDemoInstance(h.db)).toBe(false);
    expect((await seedDemo(h.db, { now })).created).toBe(true);
    expect(await isDemoInstance(h.db)).toBe(true);

    const slugs = (await h.db.select({ slug: organisations.slug }).from(organisations)).map((o) => o.slug).sort();
    expect(slugs).toEqual(["caritas", "commando", "kuduk", "mops", "mosir", "parafia-mbnp", "pck", "razem", "top"]);

    const byKind = await h.db
      .select({ kind: resources.kind, n: sql<number>`count(*)::int` })
      .from(resources)
      .groupBy(resources.kind);
    const total = byKind.reduce((sum, k) => sum + k.n, 0);
    expect(total).toBeGreaterThanOrEqual(20);
    expect(byKind.map((k) => k.kind).sort()).toEqual(["equipment", "expertise", "premises"]);

    const [{ past, future }] = await h.query<{ past: number; future: number }>(
      `select count(*) filter (where upper(period) <= $1::timestamptz)::int as past,
              count(*) filter (where lower(period) > $1::timestamptz)::int as future from bookings`,
      [now.toISOString()],
    );
    expect(past).toBeGreaterThan(0);
    expect(future).toBeGreaterThan(0);
  });

  it("lets every demo login sign in with the shared password, as admin or coordinator", async () => {
    const logins = demoLogins();
    expect(logins.map((l) => l.email)).toContain("koordynator@partnerstwo.test");
    expect(logins.filter((l) => l.role === "admin")).toHaveLength(9);
    for (const login of logins) {
      const user = await verifyCredentials(h.db, { email: login.email, password: DEMO_PASSWORD }, now);
      const actor = await loadActor(h.db, user.id);
      expect(actor?.organisationSlug).toBe(login.organisationSlug);
      if (login.role === "coordinator") expect(actor).toMatchObject({ role: "member", coordinator: true });
      else expect(actor).toMatchObject({ role: "admin", coordinator: false });
    }
  });

  it("is idempotent", async () => {
    const before = await counts();
    expect((await seedDemo(h.db, { now })).created).toBe(false);
    expect(await seedIfEmpty(h.db)).toBe(false);
    expect(await counts()).toEqual(before);
  });
});
