/**
 * Two standalone servers behind nginx on one PostgreSQL database, as a town hall would run them. Proves that nothing
 * lives in one process: a session from one instance works on the other, login limits add up across them, and the
 * e-mail sender and the scheduled jobs (expiry of requests, reminders) do each piece of work once while both run,
 * and a photo uploaded through one instance is served by the other (both use one UPLOADS_DIR, as an NFS mount would).
 *
 * Needs `npm run build` (the standalone output), nginx and PostgreSQL; run with
 * `npx vitest run --config tests/ops/vitest.config.ts`. Ports 3401-3403 and 8401; database `wsp_ops_b_…`, dropped.
 */
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { and, eq, inArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/connect";
import { auditLog, bookingReminders, bookings, notifications, organisations, resources, users } from "@/db/schema";
import { seedDemo } from "@/db/seed";
import { loadActor } from "@/lib/auth/actor";
import { createBooking } from "@/lib/bookings/create-booking";
import { messageIdOf } from "@/lib/mail/deliver-outbox";
import pkg from "@/package.json";
import { largePng, TINY_PNG } from "../helpers/images";
import { TestSmtp } from "../helpers/smtp";
import { createScratchDatabase, type Instance, type Nginx, signIn, startInstance, startNginx } from "./cluster";

const PORTS = { a: 3401, b: 3402, smtp: 3403, nginx: 8401 };
const HOUR = 3_600_000;
const MAIL_DOMAIN = "ops.example.test";
const PASSWORD = "aktywni-z-pasja";
const SYNTHETIC_MAILS = 120;
const EXPIRING = 12;
const REMINDED = 6;

let scratch: Awaited<ReturnType<typeof createScratchDatabase>>;
let db: Db;
let smtp: TestSmtp;
let a: Instance;
let b: Instance;
let nginx: Nginx;
/** The uploads folder both instances share. */
const uploads = mkdtempSync(path.join(tmpdir(), "wsp-ops-uploads-"));
const expiring: string[] = [];
const reminded: string[] = [];

async function eventually<T>(what: string, ms: number, probe: () => Promise<T | undefined | false>): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > until) throw new Error(`timed out: ${what}`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

const lines = (instance: Instance, msg: string) => instance.logs.filter((l) => l.msg === msg);

beforeAll(async () => {
  smtp = new TestSmtp();
  smtp.port = PORTS.smtp;
  await smtp.start();
  scratch = await createScratchDatabase();
  db = scratch.handle.db;
  await seedDemo(db);

  // Work that is due the moment the servers start, so both instances' first rounds race for it.
  // Whole minutes: a booking's bounds must be.
  const now = new Date(Math.floor(Date.now() / 60_000) * 60_000);
  const [mops] = await db.select().from(organisations).where(eq(organisations.slug, "mops"));
  const [razem] = await db.select().from(organisations).where(eq(organisations.slug, "razem"));
  const [mopsAdmin] = await db.select().from(users).where(eq(users.email, "mops@partnerstwo.test"));
  const requester = await loadActor(db, mopsAdmin.id, mops.id);
  if (!requester) throw new Error("no demo requester");
  const [approvalHall, instantHall] = await db
    .insert(resources)
    .values([
      { organisationId: razem.id, kind: "premises", name: "Sala (test wielu instancji)", bookingMode: "approval" },
      { organisationId: razem.id, kind: "premises", name: "Pracownia (test wielu instancji)", bookingMode: "instant" },
    ])
    .returning({ id: resources.id });
  // Requests made three hours ago for slots that started since: the sweep must expire each one once.
  const before = new Date(now.getTime() - 3 * HOUR);
  for (let i = 0; i < EXPIRING; i++) {
    const start = new Date(now.getTime() - 2 * HOUR + i * 6 * 60_000);
    const made = await createBooking(
      db,
      requester,
      {
        resourceId: approvalHall.id,
        start: start.toISOString(),
        end: new Date(start.getTime() + 5 * 60_000).toISOString(),
        purpose: `Wygasa ${i}`,
      },
      { now: before },
    );
    expiring.push(made.id);
  }
  // Approved bookings starting within a day: each gets one day-before reminder, to both sides.
  for (let i = 0; i < REMINDED; i++) {
    const start = new Date(now.getTime() + 3 * HOUR + i * HOUR);
    const made = await createBooking(db, requester, {
      resourceId: instantHall.id,
      start: start.toISOString(),
      end: new Date(start.getTime() + 30 * 60_000).toISOString(),
      purpose: `Przypomnienie ${i}`,
    });
    reminded.push(made.id);
  }
  // And a backlog of plain messages for the two senders to share.
  await scratch.handle.query(
    `insert into outbox_messages (to_address, kind, subject, text_body, html_body)
     select 'ops-' || g || '@example.test', 'test', 'Wiadomość ' || g, 'Treść ' || g, '<p>Treść ' || g || '</p>'
     from generate_series(1, ${SYNTHETIC_MAILS}) g`,
  );

  const env = {
    DATABASE_URL: scratch.url,
    AUTH_SECRET: `ops-test-secret-${Date.now()}-shared-by-both`,
    AUTH_TRUST_HOST: "true",
    SMTP_URL: smtp.url,
    MAIL_FROM: `Współdzielnia <powiadomienia@${MAIL_DOMAIN}>`,
    APP_URL: `http://127.0.0.1:${PORTS.nginx}`,
    LOG_LEVEL: "debug",
    GIT_COMMIT: "0123456789ab",
    UPLOADS_DIR: uploads,
  };
  [a, b] = await Promise.all([
    startInstance({ label: "A", port: PORTS.a, env }),
    startInstance({ label: "B", port: PORTS.b, env }),
  ]);
  nginx = await startNginx({ port: PORTS.nginx, upstreams: [PORTS.a, PORTS.b] });
}, 240_000);

afterAll(async () => {
  await nginx?.stop();
  await Promise.all([a?.stop(), b?.stop()]);
  await smtp?.stop();
  await scratch?.drop();
  rmSync(uploads, { recursive: true, force: true });
});

describe("two instances behind nginx on one PostgreSQL", () => {
  it("answer health with the version and current migrations, directly and through nginx, round robin", async () => {
    const served = new Set<string>();
    for (const base of [a.url, b.url, nginx.url, nginx.url, nginx.url, nginx.url]) {
      const response = await fetch(`${base}/api/health`);
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({
        status: "ok",
        db: "ok",
        version: pkg.version,
        commit: "0123456789ab",
        migrations: { state: "current" },
      });
      const upstream = response.headers.get("x-upstream");
      if (upstream) served.add(upstream);
    }
    expect(served).toEqual(new Set([`127.0.0.1:${PORTS.a}`, `127.0.0.1:${PORTS.b}`]));
  });

  it("keep the proxy's request id: in the answer and on the serving instance's log line", async () => {
    const id = `ops-${Date.now()}`;
    const response = await fetch(`${nginx.url}/api/health`, { headers: { "X-Request-Id": id } });
    expect(response.headers.get("x-request-id")).toBe(id);
    const instance = response.headers.get("x-upstream")?.endsWith(String(PORTS.a)) ? a : b;
    const line = await eventually("the request's log line", 5_000, async () =>
      instance.logs.find((l) => l.requestId === id && l.msg === "request"),
    );
    expect(line).toMatchObject({ level: "info", method: "GET", path: "/api/health", status: 200 });
    // nginx makes one up when the client sends none; a page gets one from proxy.ts.
    expect((await fetch(`${nginx.url}/api/health`)).headers.get("x-request-id")).toMatch(/^[0-9a-f]{32}$/);
    expect((await fetch(`${a.url}/login`)).headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("accept on instance B a session signed in on instance A", async () => {
    const { jar, signedIn } = await signIn(a.url, "razem@partnerstwo.test", PASSWORD);
    expect(signedIn).toBe(true);
    const api = await fetch(`${b.url}/api/v1/resources`, { headers: { cookie: jar.header } });
    expect(api.status).toBe(200);
    expect(((await api.json()) as { items: unknown[] }).items.length).toBeGreaterThan(0);
    const page = await fetch(`${b.url}/dashboard`, { headers: { cookie: jar.header }, redirect: "manual" });
    expect(page.status).toBe(200);
    // Without the cookie, B knows nobody.
    expect((await fetch(`${b.url}/api/v1/resources`)).status).toBe(401);
    expect((await fetch(`${b.url}/dashboard`, { redirect: "manual" })).status).toBe(307);
  });

  it("serve from instance B a photo uploaded through instance A; a 3 MB one passes nginx", async () => {
    const { jar, signedIn } = await signIn(a.url, "razem@partnerstwo.test", PASSWORD);
    expect(signedIn).toBe(true);
    const list = await fetch(`${a.url}/api/v1/resources?owner=razem`, { headers: { cookie: jar.header } });
    const resourceId = ((await list.json()) as { items: { id: string }[] }).items[0].id;
    const upload = (base: string, bytes: Uint8Array<ArrayBuffer>, alt: string) => {
      const form = new FormData();
      form.set("file", new Blob([bytes], { type: "image/png" }), "zdjecie.png");
      form.set("alt", alt);
      return fetch(`${base}/api/v1/resources/${resourceId}/photos`, {
        method: "POST",
        headers: { cookie: jar.header },
        body: form,
      });
    };
    const png = TINY_PNG;
    const created = await upload(a.url, png, "Sala ze sceną, widok od wejścia");
    expect(created.status).toBe(201);
    const photo = (await created.json()) as { id: string; url: string; contentType: string };
    expect(photo.contentType).toBe("image/png");
    expect(readdirSync(path.join(uploads, "photos"))).toHaveLength(1);

    const served = await fetch(`${b.url}${photo.url}`, { headers: { cookie: jar.header } });
    expect(served.status).toBe(200);
    expect(served.headers.get("content-type")).toBe("image/png");
    expect(served.headers.get("etag")).toBe(`"${photo.id}"`);
    expect(Buffer.from(await served.arrayBuffer()).equals(png)).toBe(true);
    // The other instance lists it too; without the session it is nobody's.
    const listed = await fetch(`${b.url}/api/v1/resources/${resourceId}/photos`, { headers: { cookie: jar.header } });
    expect(((await listed.json()) as { items: { id: string }[] }).items.map((p) => p.id)).toEqual([photo.id]);
    expect((await fetch(`${b.url}${photo.url}`)).status).toBe(401);

    // Through nginx: a 3 MB upload passes the proxy's body limit and the app's, and both instances serve it. A real
    // PNG of that size (uncompressed pixels, no metadata), so stripping keeps every byte of it.
    const large = largePng(3 * 1024 * 1024);
    expect(large.byteLength).toBeGreaterThanOrEqual(3 * 1024 * 1024);
    const big = await upload(nginx.url, large, "Duże zdjęcie sali");
    expect(big.status).toBe(201);
    const bigUrl = ((await big.json()) as { url: string }).url;
    const upstreams = new Set<string>();
    for (let i = 0; i < 4; i++) {
      const response = await fetch(`${nginx.url}${bigUrl}`, { headers: { cookie: jar.header } });
      expect(response.status).toBe(200);
      expect(Buffer.from(await response.arrayBuffer()).equals(large)).toBe(true);
      upstreams.add(response.headers.get("x-upstream") ?? "");
    }
    expect(upstreams).toEqual(new Set([`127.0.0.1:${PORTS.a}`, `127.0.0.1:${PORTS.b}`]));
  });

  it("add up failed sign-ins across instances: the account's limit holds whichever instance is asked", async () => {
    const email = "pck.czlonek@partnerstwo.test";
    // Five wrong passwords, alternating instances: neither instance alone saw five.
    for (const [i, base] of [a.url, b.url, a.url, b.url, a.url].entries()) {
      const attempt = await signIn(base, email, `wrong-${i}`);
      expect(attempt.signedIn).toBe(false);
      expect(attempt.location).toContain("code=invalid_credentials");
    }
    // Now the right password is refused as limited, on B and on A.
    for (const base of [b.url, a.url]) {
      const attempt = await signIn(base, email, PASSWORD);
      expect(attempt.signedIn).toBe(false);
      expect(attempt.location).toContain("code=rate_limited");
    }
    // Another account is not affected.
    expect((await signIn(b.url, "pck@partnerstwo.test", PASSWORD)).signedIn).toBe(true);
  });

  it("expire each request that passed its start once: one audit entry and one notice each", async () => {
    // Both instances swept at start (and every minute); wait until each has logged a round.
    await eventually("a sweep round on both instances", 30_000, async () =>
      lines(a, "booking sweep").length > 0 && lines(b, "booking sweep").length > 0 ? true : undefined,
    );
    const rows = await db.select({ status: bookings.status }).from(bookings).where(inArray(bookings.id, expiring));
    expect(rows.map((r) => r.status)).toEqual(Array(EXPIRING).fill("expired"));
    const audits = await db
      .select({ id: auditLog.entityId, n: sql<number>`count(*)::int` })
      .from(auditLog)
      .where(and(eq(auditLog.action, "booking.expire"), inArray(auditLog.entityId, expiring)))
      .groupBy(auditLog.entityId);
    expect(audits).toHaveLength(EXPIRING);
    expect(audits.every((r) => r.n === 1)).toBe(true);
    // One notice per booking and person of the requesting organisation.
    const notices = await db
      .select({ id: notifications.bookingId, user: notifications.userId, n: sql<number>`count(*)::int` })
      .from(notifications)
      .where(and(eq(notifications.kind, "booking_expired"), inArray(notifications.bookingId, expiring)))
      .groupBy(notifications.bookingId, notifications.userId);
    expect(new Set(notices.map((r) => r.id)).size).toBe(EXPIRING);
    expect(notices.every((r) => r.n === 1)).toBe(true);
    // The instances' own accounts agree: between them they expired exactly these (the demo data may add its own).
    const logged = [...lines(a, "booking sweep"), ...lines(b, "booking sweep")].reduce(
      (sum, l) => sum + Number(l.expired ?? 0),
      0,
    );
    const [{ n: expiredInDb }] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(auditLog)
      .where(eq(auditLog.action, "booking.expire"));
    expect(logged).toBe(expiredInDb);
  });

  it("produce each reminder once", async () => {
    await eventually("a reminder round on both instances", 30_000, async () =>
      lines(a, "reminders").length > 0 && lines(b, "reminders").length > 0 ? true : undefined,
    );
    const keys = await db
      .select({ id: bookingReminders.bookingId })
      .from(bookingReminders)
      .where(and(inArray(bookingReminders.bookingId, reminded), eq(bookingReminders.kind, "day_before")));
    expect(keys).toHaveLength(REMINDED);
    const notices = await db
      .select({ id: notifications.bookingId, user: notifications.userId, n: sql<number>`count(*)::int` })
      .from(notifications)
      .where(and(eq(notifications.kind, "reminder_start"), inArray(notifications.bookingId, reminded)))
      .groupBy(notifications.bookingId, notifications.userId);
    expect(new Set(notices.map((r) => r.id)).size).toBe(REMINDED);
    expect(notices.every((r) => r.n === 1)).toBe(true);
  });

  it("send each e-mail exactly once, the two senders sharing the outbox", async () => {
    // Everything written so far (the backlog, requests, expiries, reminders) leaves; senders run every 30 s.
    const ids = await eventually("an empty outbox", 100_000, async () => {
      const rows = await scratch.handle.query<{ id: string; status: string }>("select id, status from outbox_messages");
      return rows.every((r) => r.status === "sent") ? rows.map((r) => r.id) : undefined;
    });
    expect(ids.length).toBeGreaterThanOrEqual(SYNTHETIC_MAILS + EXPIRING);
    // Nothing more is in flight: the SMTP sink has all of them, each once.
    await eventually("every message at the sink", 10_000, async () => smtp.received.length >= ids.length);
    const received = smtp.received.map((m) => m.messageId);
    expect(received.length).toBe(new Set(received).size);
    expect(new Set(received)).toEqual(new Set(ids.map((id) => messageIdOf(id, MAIL_DOMAIN))));
    const sentBy = (i: Instance) => lines(i, "mail delivery").reduce((sum, l) => sum + Number(l.sent ?? 0), 0);
    expect(sentBy(a) + sentBy(b)).toBe(ids.length);
    console.info(`e-mails sent: ${ids.length} (instance A ${sentBy(a)}, instance B ${sentBy(b)})`);
  }, 150_000);

  it("write JSON log lines that each carry a request id and no personal data or secrets", () => {
    const all = [...a.logs, ...b.logs];
    expect(all.length).toBeGreaterThan(20);
    for (const line of all) expect(line.requestId, JSON.stringify(line)).toEqual(expect.any(String));
    const everything = JSON.stringify([all, a.text, b.text]);
    for (const secret of ["partnerstwo.test", "example.test", PASSWORD, "wrong-1", "ops-test-secret"]) {
      expect(everything).not.toContain(secret);
    }
  });
});
