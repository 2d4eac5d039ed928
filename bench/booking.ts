/**
 * `npm run bench`: booking throughput and search latency on PostgreSQL, printed as figures and as ratios to a
 * baseline measured in the same run (machines are noisy; ratios travel better than absolute numbers).
 *
 * 1. Baseline: a plain SQL INSERT into the same constrained bookings table (its trigger and exclusion constraint
 *    included), 8 concurrent connections.
 * 2. The createBooking use-case, 8 concurrent callers.
 * 3. The HTTP API (POST /api/v1/bookings on the standalone production server), 8 concurrent clients, and one client
 *    alone (latency);
 *    BENCH_INSTANCES=2 serves it from two processes instead of one (said so in the output).
 * 4. Dates-first search over 1,000 resources and 200,000 bookings: the use-case and GET /api/v1/resources.
 *
 * Uses BENCH_DATABASE_URL or DATABASE_URL or the local server, in a fresh database that it drops at the end.
 */
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import http from "node:http";
import os from "node:os";
import postgres from "postgres";
import { type DatabaseHandle, openDatabase } from "@/db/connect";
import { migrateDatabase } from "@/db/migrate";
import { memberships, organisations, resources, users } from "@/db/schema";
import { loadActor } from "@/lib/auth/actor";
import { createApiToken } from "@/lib/auth/api-tokens";
import type { Actor } from "@/lib/auth/permissions";
import { createBooking } from "@/lib/bookings/create-booking";
import { listResources } from "@/lib/resources/list-resources";

const BASE =
  process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const PORT = Number(process.env.BENCH_PORT ?? 3190);
/**
 * How many server processes serve the HTTP phases (BENCH_INSTANCES, default 1: the app as one process). With
 * more, each listens on its own port (BENCH_PORT, +1, …) and the clients take turns across them, as a load balancer
 * would spread them over instances of this stateless app; the output says so.
 */
const INSTANCES = Math.max(1, Number(process.env.BENCH_INSTANCES ?? 1));
const CLIENTS = 8;
const PER_PHASE = Number(process.env.BENCH_BOOKINGS ?? 1600);
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))];
};
const fmt = (n: number, digits = 1) => n.toFixed(digits);

/** Runs `total` jobs with `clients` concurrent workers; returns jobs per second and each job's latency in ms. */
async function drive(total: number, clients: number, job: (i: number) => Promise<void>) {
  let next = 0;
  const latencies: number[] = [];
  const started = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      for (let i = next++; i < total; i = next++) {
        const t0 = performance.now();
        await job(i);
        latencies.push(performance.now() - t0);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  return { perSecond: total / seconds, p50: quantile(latencies, 0.5), p95: quantile(latencies, 0.95) };
}

async function main() {
  // BENCH_DB_PREFIX: where several people share one server, each keeps to their own database names.
  const prefix = process.env.BENCH_DB_PREFIX ?? "wsp_bench_";
  if (!/^[a-z_][a-z0-9_]*$/.test(prefix)) throw new Error("BENCH_DB_PREFIX: lower-case letters, digits and _ only");
  const name = `${prefix}${Date.now().toString(36)}`;
  const admin = postgres(BASE, { max: 1, onnotice: () => {} });
  await admin.unsafe(`CREATE DATABASE ${name}`);
  const url = new URL(BASE);
  url.pathname = `/${name}`;
  const handle: DatabaseHandle = await openDatabase({ driver: "postgres", url: url.toString(), max: 20 });
  const servers: ChildProcess[] = [];
  try {
    await migrateDatabase(handle);
    const { db } = handle;
    console.log(`Database: fresh PostgreSQL database ${name}`);

    // Partners: one owner with many resources, eight requesting organisations with a user each.
    const [owner] = await db
      .insert(organisations)
      .values({ slug: "owner", name: "Owner", kind: "association" })
      .returning();
    const actors: Actor[] = [];
    for (let c = 0; c < CLIENTS; c++) {
      const [org] = await db
        .insert(organisations)
        .values({ slug: `req-${c}`, name: `Requester ${c}`, kind: "association" })
        .returning();
      const [user] = await db
        .insert(users)
        .values({ email: `bench-${c}@example.test`, name: `Bench ${c}` })
        .returning();
      await db.insert(memberships).values({ userId: user.id, organisationId: org.id, role: "admin" });
      const actor = await loadActor(db, user.id, org.id);
      if (!actor) throw new Error("no actor");
      actors.push(actor);
    }
    // Each phase books its own resources (one per client), always-open halls with a 15-minute buffer.
    const hallsFor = async (phase: string) =>
      db
        .insert(resources)
        .values(
          Array.from({ length: CLIENTS }, (_, c) => ({
            organisationId: owner.id,
            kind: "premises" as const,
            name: `${phase} hall ${c}`,
            bookingMode: "instant" as const,
            bufferMinutes: 15,
          })),
        )
        .returning({ id: resources.id });
    const t0 = Date.UTC(2027, 0, 4, 8);
    // Slot i of client c: back to back two-hour bookings with room for the buffer, never overlapping.
    const slot = (i: number) => {
      const k = Math.floor(i / CLIENTS);
      const start = new Date(t0 + k * 3 * HOUR);
      return { start, end: new Date(start.getTime() + 2 * HOUR) };
    };

    // 1. Baseline: plain INSERT on 8 connections.
    const sqlClient = postgres(url.toString(), { max: CLIENTS, onnotice: () => {} });
    const baseHalls = await hallsFor("baseline");
    const baseline = await drive(PER_PHASE, CLIENTS, async (i) => {
      const { start, end } = slot(i);
      const c = i % CLIENTS;
      await sqlClient`INSERT INTO bookings (resource_id, organisation_id, period, status, purpose)
        VALUES (${baseHalls[c].id}, ${actors[c].organisationId}, tstzrange(${start.toISOString()}::timestamptz, ${end.toISOString()}::timestamptz), 'approved', 'bench')`;
    });
    // The same plain INSERT from one connection: the rate one writer gets from PostgreSQL here.
    const baseHallsSolo = await hallsFor("baseline-solo");
    const baselineSolo = await drive(PER_PHASE / 2, 1, async (i) => {
      const { start, end } = slot(i * CLIENTS);
      await sqlClient`INSERT INTO bookings (resource_id, organisation_id, period, status, purpose)
        VALUES (${baseHallsSolo[0].id}, ${actors[0].organisationId}, tstzrange(${start.toISOString()}::timestamptz, ${end.toISOString()}::timestamptz), 'approved', 'bench')`;
    });
    await sqlClient.end();

    // 2. The use-case.
    const ucHalls = await hallsFor("use-case");
    const now = new Date(t0 - DAY);
    const useCase = await drive(PER_PHASE, CLIENTS, async (i) => {
      const { start, end } = slot(i);
      const c = i % CLIENTS;
      await createBooking(
        db,
        actors[c],
        { resourceId: ucHalls[c].id, start: start.toISOString(), end: end.toISOString(), purpose: "bench" },
        { now },
      );
    });

    // 3. HTTP API on a production server.
    // A fresh build measures the code as it is; BENCH_SKIP_BUILD=1 reuses one made a moment ago.
    if (!process.env.BENCH_SKIP_BUILD || !existsSync(".next/standalone/server.js")) {
      console.log("Building the app (npm run build) …");
      const build = spawnSync("npm", ["run", "build"], {
        stdio: "inherit",
        env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
      });
      if (build.status !== 0) throw new Error("next build failed");
    }
    for (let n = 0; n < INSTANCES; n++) {
      servers.push(
        // The standalone server, as deployed (`output: "standalone"`; `next start` warns that it does not fit).
        spawn(process.execPath, ["server.js"], {
          cwd: ".next/standalone",
          env: {
            ...process.env,
            PORT: String(PORT + n),
            HOSTNAME: "127.0.0.1",
            DATABASE_URL: url.toString(),
            AUTH_SECRET: "bench-only-secret-000000000000000000",
            AUTH_TRUST_HOST: "true",
            NODE_ENV: "production",
          },
          stdio: ["ignore", "ignore", "inherit"],
        }),
      );
    }
    for (let n = 0; n < INSTANCES; n++) {
      for (let i = 0; i < 120; i++) {
        try {
          if ((await fetch(`http://127.0.0.1:${PORT + n}/api/health`)).ok) break;
        } catch {}
        await new Promise((r) => setTimeout(r, 500));
      }
    }
    // The client: node:http with keep-alive, one connection per concurrent client. It shares the two cores with the
    // server and PostgreSQL, so it should cost little (fetch, with its web streams, costs more);
    // every request is still a full HTTP request to the server and back.
    const agent = new http.Agent({ keepAlive: true, maxSockets: CLIENTS });
    const request = (i: number, method: string, path: string, headers: Record<string, string>, body?: string) =>
      new Promise<{ status: number; text: string }>((resolve, reject) => {
        const req = http.request(
          {
            host: "127.0.0.1",
            port: PORT + (i % INSTANCES),
            method,
            path,
            agent,
            headers: body === undefined ? headers : { ...headers, "content-length": String(Buffer.byteLength(body)) },
          },
          (res) => {
            const chunks: Buffer[] = [];
            res.on("data", (c: Buffer) => chunks.push(c));
            res.on("end", () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString() }));
            res.on("error", reject);
          },
        );
        req.on("error", reject);
        req.end(body);
      });
    const tokens = await Promise.all(actors.map((a, c) => createApiToken(db, a, { name: `bench ${c}` })));
    const apiHalls = await hallsFor("api");
    const post = async (c: number, i: number, resourceId: string) => {
      const { start, end } = slot(i);
      const response = await request(
        i,
        "POST",
        "/api/v1/bookings",
        { authorization: `Bearer ${tokens[c].token}`, "content-type": "application/json" },
        JSON.stringify({ resourceId, start: start.toISOString(), end: end.toISOString(), purpose: "bench" }),
      );
      if (response.status !== 201) throw new Error(`POST answered ${response.status}: ${response.text}`);
    };
    // Warm-up (first requests compile nothing in production, but connections and caches fill).
    const warm = await hallsFor("warm-up");
    await drive(CLIENTS * 10, CLIENTS, (i) => post(i % CLIENTS, i, warm[i % CLIENTS].id));
    const api = await drive(PER_PHASE, CLIENTS, (i) => post(i % CLIENTS, i, apiHalls[i % CLIENTS].id));
    const floor = await drive(PER_PHASE, CLIENTS, async (i) => {
      const response = await request(i, "GET", "/api/v1/openapi.json", {});
      if (response.status !== 200) throw new Error(`openapi.json answered ${response.status}`);
    });
    const singleHalls = await hallsFor("single");
    const single = await drive(400, 1, (i) => post(0, i * CLIENTS, singleHalls[0].id));

    // 4. Dates-first search over 1,000 resources and 200,000 bookings.
    console.log("Loading 1,000 resources and 200,000 bookings …");
    await handle.query(`
      INSERT INTO resources (organisation_id, kind, name, quantity, capacity, booking_mode, buffer_minutes)
      SELECT '${owner.id}', (ARRAY['premises','equipment','expertise'])[1 + g % 3]::resource_kind, 'Search resource ' || g,
             CASE WHEN g % 3 = 1 THEN 10 ELSE 1 END, 20 + g % 80, 'approval', 0
      FROM generate_series(1, 1000) g`);
    await handle.query(`
      INSERT INTO opening_hours (resource_id, weekday, start_time, end_time)
      SELECT r.id, d, '07:00', '22:00' FROM resources r CROSS JOIN generate_series(1, 7) d WHERE r.name LIKE 'Search resource %'`);
    // Bulk load: the trigger's work (derived columns, unit cap) is done here in SQL for speed; the data obey it.
    await handle.query("ALTER TABLE bookings DISABLE TRIGGER bookings_guard_fields");
    await handle.query(`
      INSERT INTO bookings (resource_id, organisation_id, period, blocked_period, exclusive, quantity, status, purpose)
      SELECT r.id, '${actors[0].organisationId}', p, p, r.quantity = 1, 1, 'approved', 'bench'
      FROM (SELECT id, quantity, row_number() OVER (ORDER BY id) AS n FROM resources WHERE name LIKE 'Search resource %') r
      CROSS JOIN generate_series(0, 199) k
      CROSS JOIN LATERAL (SELECT tstzrange(timestamptz '2027-03-01 09:00+00' + (k * interval '1 day') + ((r.n % 5) * interval '2 hours'),
                                           timestamptz '2027-03-01 11:00+00' + (k * interval '1 day') + ((r.n % 5) * interval '2 hours')) AS p) x`);
    await handle.query("ALTER TABLE bookings ENABLE TRIGGER bookings_guard_fields");
    await handle.query("ANALYZE");
    const [{ n }] = await handle.query<{ n: number }>("SELECT count(*)::int AS n FROM bookings");
    const searchNow = new Date("2027-02-01T00:00:00Z");
    const windows = Array.from({ length: 60 }, (_, i) => {
      const start = new Date(Date.UTC(2027, 2, 2 + (i % 150), 8 + (i % 10)));
      return { from: start.toISOString(), to: new Date(start.getTime() + 3 * HOUR).toISOString() };
    });
    let found = 0;
    const searchUseCase = await drive(windows.length, 1, async (i) => {
      const items = await listResources(db, actors[0], { ...windows[i], minCapacity: "30" }, searchNow);
      found += items.length;
    });
    const searchApi = await drive(windows.length, 1, async (i) => {
      const q = new URLSearchParams({ ...windows[i], minCapacity: "30" });
      const response = await request(i, "GET", `/api/v1/resources?${q}`, {
        authorization: `Bearer ${tokens[0].token}`,
      });
      if (response.status !== 200) throw new Error(`search answered ${response.status}`);
      JSON.parse(response.text);
    });

    const ratio = (x: number) =>
      `${fmt((x / baseline.perSecond) * 100)}% of 8-connection INSERT, ${fmt((x / baselineSolo.perSecond) * 100)}% of 1-connection INSERT`;
    console.log("");
    const served =
      INSTANCES === 1
        ? "one standalone server process"
        : `${INSTANCES} standalone server processes, clients spread over them in turn (as behind a load balancer)`;
    console.log(
      `bookings table: ${n} rows, 1,000 searchable resources; ${CLIENTS} concurrent clients; ${PER_PHASE} bookings a phase`,
    );
    console.log(
      `HTTP phases: ${served}; client node:http keep-alive in this process, on the same ${os.availableParallelism()} cores as the server and PostgreSQL`,
    );
    console.log(
      `baseline  plain SQL INSERT, 8 conns  ${fmt(baseline.perSecond)} bookings/s  (p50 ${fmt(baseline.p50, 2)} ms)`,
    );
    console.log(
      `baseline  plain SQL INSERT, 1 conn   ${fmt(baselineSolo.perSecond)} bookings/s  (p50 ${fmt(baselineSolo.p50, 2)} ms)`,
    );
    console.log(
      `use-case  createBooking              ${fmt(useCase.perSecond)} bookings/s  ${ratio(useCase.perSecond)}  (p50 ${fmt(useCase.p50, 2)} ms)`,
    );
    console.log(
      `HTTP API  POST /api/v1/bookings      ${fmt(api.perSecond)} bookings/s  ${ratio(api.perSecond)}  (p50 ${fmt(api.p50, 2)} ms, p95 ${fmt(api.p95, 2)} ms)  target ≥ 25%`,
    );
    console.log(
      `HTTP floor GET /api/v1/openapi.json ${fmt(floor.perSecond)} requests/s  ${ratio(floor.perSecond)}  (a static JSON route, no database: near the ceiling of any route here)`,
    );
    console.log(
      `HTTP API  one client, POST           p50 ${fmt(single.p50, 2)} ms, p95 ${fmt(single.p95, 2)} ms  target p50 < 6 ms`,
    );
    console.log(
      `search    listResources (dates first) p50 ${fmt(searchUseCase.p50, 2)} ms, p95 ${fmt(searchUseCase.p95, 2)} ms  target p95 < 50 ms  (${fmt(found / windows.length)} results a search)`,
    );
    console.log(
      `search    GET /api/v1/resources       p50 ${fmt(searchApi.p50, 2)} ms, p95 ${fmt(searchApi.p95, 2)} ms`,
    );
  } finally {
    for (const server of servers) server.kill("SIGTERM");
    await handle.close();
    await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
