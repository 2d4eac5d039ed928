/**
 * `npm run bench:load`: a mixed workload against the production build (standalone servers), first one instance, then
 * two behind nginx, on a fresh PostgreSQL database with the demo data. Needs `npm run build` and nginx.
 *
 * The mix, per click (each of the LOAD_CONNECTIONS users has its own keep-alive connection):
 *   60% browse the catalogue   GET /resources (the page people use; every other one filtered by kind)
 *   25% dates-first search     GET /resources?date=…&from=…&to=…&people=… (the same page, a free-time window)
 *   10% create a booking       POST /api/v1/bookings with an API token, each on a slot of its own (201; a 409 is a
 *                               refused overlap — an answer, counted apart, not an error)
 *    5% open a report          GET /reports (utilisation of the signed-in organisation, default period)
 * Pages are what people browse, so the catalogue and search go through the pages (server rendering included), signed
 * in as the partners' admins; bookings go through the API that scripts use.
 *
 * Users: each of the 50 users waits a think time, clicks, waits for the whole answer, and again; think times are
 * random (exponential, mean LOAD_THINK seconds, default 1 — already a busier partnership than any real one: people
 * read a page for several seconds), so the clicks of independent people arrive as a Poisson stream. (autocannon's
 * `overallRate`, used before, fires every connection's request in the same instant once a second: a synchronised
 * burst that measures a queue of 50, not 50 people.) LOAD_THINK=0 is a closed loop (users who never read), which
 * measures capacity: latency is then about users ÷ throughput.
 *
 * Prints, for each run, p50/p95/p99 latency, throughput, and errors (no answer within 10 s, and statuses other than
 * 2xx and the booking's 409), then per kind. Environment: LOAD_DURATION seconds (60), LOAD_CONNECTIONS (50),
 * LOAD_RUNS (`one,capacity,two`; `capacity` shortens the think time on one instance step by step — LOAD_STEPS seconds,
 * LOAD_STEP_DURATION seconds each — and prints the busiest pace still within p95 < 100 ms and no errors), LOAD_WARMUP
 * seconds (5, not counted), LOAD_SURFACE=api (browse, search and report through the JSON API — /api/v1/resources,
 * /api/v1/reports/utilisation, with tokens — instead of the pages, to tell rendering cost from the rest),
 * BENCH_DATABASE_URL / DATABASE_URL (the server; a scratch database `wsp_ops_b_load_…` is created and dropped).
 * Ports 3411, 3412 (instances) and 8411 (nginx).
 */
import http from "node:http";
import { eq } from "drizzle-orm";
import { memberships, organisations, resources, users } from "@/db/schema";
import { DEMO_PASSWORD, seedDemo } from "@/db/seed";
import { loadActor } from "@/lib/auth/actor";
import { createApiToken } from "@/lib/auth/api-tokens";
import {
  assertStandaloneBuild,
  createScratchDatabase,
  type Instance,
  type Nginx,
  signIn,
  startInstance,
  startNginx,
} from "@/tests/ops/cluster";

const DURATION = Number(process.env.LOAD_DURATION ?? 60);
const CONNECTIONS = Number(process.env.LOAD_CONNECTIONS ?? 50);
const WARMUP = Number(process.env.LOAD_WARMUP ?? 5);
/** Seconds a user reads a page before the next click; 0 makes every connection click as soon as it is answered. */
const THINK = Number(process.env.LOAD_THINK ?? 1);
const SURFACE = process.env.LOAD_SURFACE === "api" ? "api" : "pages";
const RUNS = (process.env.LOAD_RUNS ?? "one,capacity,two").split(",").map((s) => s.trim());
const PORTS = { a: 3411, b: 3412, nginx: 8411 };
const HOUR = 3_600_000;

type Kind = "browse" | "search" | "book" | "report";
const MIX: [Kind, number][] = [
  ["browse", 0.6],
  ["search", 0.25],
  ["book", 0.1],
  ["report", 0.05],
];

const pick = (): Kind => {
  let r = Math.random();
  for (const [kind, share] of MIX) {
    r -= share;
    if (r < 0) return kind;
  }
  return "browse";
};

const quantile = (sorted: number[], q: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] : Number.NaN;
const fmtSeconds = (s: number) => `${Number(s.toFixed(1))} s`;
const ms = (n: number) => (Number.isNaN(n) ? "–" : `${n.toFixed(1)} ms`);

/** One request as sent. */
interface Req {
  method: "GET" | "POST";
  path: string;
  headers: Record<string, string>;
  body?: string;
}

/** The last 90 days, as the report API asks for a period (the page defaults to one). */
const REPORT_TO = new Date().toISOString().slice(0, 10);
const REPORT_FROM = new Date(Date.now() - 89 * 24 * HOUR).toISOString().slice(0, 10);

/** Far enough ahead for every horizon, never in the past. */
const FIRST_DAY = Date.UTC(2031, 0, 6, 6);

interface Fixture {
  cookies: string[];
  tokens: string[];
  halls: string[];
}

/** Demo data, plus bench halls (always open, instant) and an API token per requesting partner. */
async function prepare(scratch: Awaited<ReturnType<typeof createScratchDatabase>>) {
  const db = scratch.handle.db;
  await seedDemo(db);
  const [owner] = await db.select().from(organisations).where(eq(organisations.slug, "razem"));
  const halls = await db
    .insert(resources)
    .values(
      Array.from({ length: 40 }, (_, i) => ({
        organisationId: owner.id,
        kind: "premises" as const,
        name: `Sala obciążeniowa ${i + 1}`,
        bookingMode: "instant" as const,
      })),
    )
    .returning({ id: resources.id });
  const admins = await db
    .select({ userId: users.id, organisationId: memberships.organisationId, email: users.email })
    .from(users)
    .innerJoin(memberships, eq(memberships.userId, users.id))
    .where(eq(memberships.role, "admin"));
  const tokens: string[] = [];
  for (const admin of admins.filter((x) => x.organisationId !== owner.id)) {
    const actor = await loadActor(db, admin.userId, admin.organisationId);
    if (!actor) continue;
    tokens.push((await createApiToken(db, actor, { name: "bench:load" })).token);
  }
  return { halls: halls.map((h) => h.id), tokens, emails: [...new Set(admins.map((x) => x.email))] };
}

/** One request of the mix, as a user's browser or script would send it. */
function requestFor(kind: Kind, fx: Fixture, slots: { next: number }): Req {
  const cookie = fx.cookies[Math.floor(Math.random() * fx.cookies.length)];
  if (kind === "book") {
    // Slot n: hall n mod 40, then back-to-back hours; never the same slot twice in this process.
    const n = slots.next++;
    const start = new Date(FIRST_DAY + Math.floor(n / fx.halls.length) * HOUR);
    return {
      method: "POST",
      path: "/api/v1/bookings",
      headers: { authorization: `Bearer ${fx.tokens[n % fx.tokens.length]}`, "content-type": "application/json" },
      body: JSON.stringify({
        resourceId: fx.halls[n % fx.halls.length],
        start: start.toISOString(),
        end: new Date(start.getTime() + HOUR / 2).toISOString(),
        purpose: "Test obciążenia",
      }),
    };
  }
  const day = `2031-01-${String(6 + Math.floor(Math.random() * 20)).padStart(2, "0")}`;
  const people = [10, 20, 30][Math.floor(Math.random() * 3)];
  if (SURFACE === "api") {
    const path =
      kind === "search"
        ? `/api/v1/resources?from=${day}T10:00:00%2B01:00&to=${day}T14:00:00%2B01:00&minCapacity=${people}`
        : kind === "report"
          ? `/api/v1/reports/utilisation?from=${REPORT_FROM}&to=${REPORT_TO}`
          : Math.random() < 0.5
            ? "/api/v1/resources"
            : "/api/v1/resources?kind=equipment";
    const token = fx.tokens[Math.floor(Math.random() * fx.tokens.length)];
    return { method: "GET", path, headers: { authorization: `Bearer ${token}` } };
  }
  const path =
    kind === "search"
      ? `/resources?date=${day}&from=10:00&to=14:00&people=${people}`
      : kind === "report"
        ? "/reports"
        : Math.random() < 0.5
          ? "/resources"
          : "/resources?kind=equipment";
  return { method: "GET", path, headers: { cookie } };
}

/** Sends one request on the user's own keep-alive connection; resolves with the status (0: no answer in time). */
function send(base: URL, agent: http.Agent, req: Req): Promise<number> {
  return new Promise((resolve) => {
    const outgoing = http.request(
      {
        host: base.hostname,
        port: base.port,
        method: req.method,
        path: req.path,
        headers: req.body ? { ...req.headers, "content-length": Buffer.byteLength(req.body) } : req.headers,
        agent,
        timeout: 10_000,
      },
      (response) => {
        response.resume(); // read the whole page, as a browser would, before the answer counts
        response.on("end", () => resolve(response.statusCode ?? 0));
        response.on("error", () => resolve(0));
      },
    );
    outgoing.on("timeout", () => outgoing.destroy(new Error("timeout")));
    outgoing.on("error", () => resolve(0));
    outgoing.end(req.body);
  });
}

/** A pause with the given mean, exponentially distributed: independent users' clicks arrive as a Poisson stream. */
const pause = (meanMs: number) =>
  meanMs > 0 ? new Promise((r) => setTimeout(r, -Math.log(1 - Math.random()) * meanMs)) : Promise.resolve();

/**
 * One run of the mix against `base`: CONNECTIONS virtual users, each on its own keep-alive connection, each
 * repeating "wait a random think time (mean `thinkSeconds`), click, wait for the whole answer" until `duration` is up.
 * The users start at random moments within their first think time, so their clicks are independent — not a
 * synchronised burst every second.
 */
async function drive(
  label: string,
  base: string,
  fx: Fixture,
  slots: { next: number },
  duration = DURATION,
  thinkSeconds = THINK,
) {
  const url = new URL(base);
  const latencies: number[] = [];
  const byKind = new Map<Kind, { statuses: Map<number, number>; latencies: number[] }>(
    MIX.map(([k]) => [k, { statuses: new Map(), latencies: [] }]),
  );
  let noAnswer = 0;
  const started = performance.now();
  const deadline = started + duration * 1000;
  const thinkMs = thinkSeconds * 1000;
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
      if (thinkMs > 0) await new Promise((r) => setTimeout(r, Math.random() * thinkMs));
      while (performance.now() < deadline) {
        const kind = pick();
        const t0 = performance.now();
        const status = await send(url, agent, requestFor(kind, fx, slots));
        const took = performance.now() - t0;
        if (status === 0) noAnswer++;
        else {
          latencies.push(took);
          const entry = byKind.get(kind);
          entry?.statuses.set(status, (entry.statuses.get(status) ?? 0) + 1);
          entry?.latencies.push(took);
        }
        await pause(thinkMs);
      }
      agent.destroy();
    }),
  );
  const elapsed = (performance.now() - started) / 1000;

  latencies.sort((x, y) => x - y);
  let refused = 0;
  let badStatus = 0;
  for (const [kind, { statuses }] of byKind) {
    for (const [status, n] of statuses) {
      if (kind === "book" && status === 409) refused += n;
      else if (status < 200 || status >= 400) badStatus += n;
    }
  }
  const errors = noAnswer + badStatus;
  const pace =
    thinkSeconds > 0
      ? `each clicks after a think time of ${fmtSeconds(thinkSeconds)} on average`
      : "closed loop (no think time)";
  console.log(`\n${label}: ${CONNECTIONS} users, ${pace}, ${SURFACE}, ${duration} s, ${base}`);
  console.log(
    `  all      p50 ${ms(quantile(latencies, 0.5))}  p95 ${ms(quantile(latencies, 0.95))}  p99 ${ms(quantile(latencies, 0.99))}  ` +
      `throughput ${(latencies.length / elapsed).toFixed(1)} req/s  requests ${latencies.length}  ` +
      `errors ${errors} (no answer or timeout ${noAnswer}, bad status ${badStatus})  booking conflicts (409) ${refused}`,
  );
  for (const [kind, { statuses, latencies: own }] of byKind) {
    own.sort((x, y) => x - y);
    const codes = [...statuses].map(([s, n]) => `${s}×${n}`).join(" ");
    console.log(
      `  ${kind.padEnd(8)} p50 ${ms(quantile(own, 0.5))}  p95 ${ms(quantile(own, 0.95))}  p99 ${ms(quantile(own, 0.99))}  ` +
        `n ${own.length}  ${codes}`,
    );
  }
  return { p95: quantile(latencies, 0.95), errors, throughput: latencies.length / elapsed };
}

/**
 * The busiest pace one instance answers within the target (p95 < 100 ms, no errors): the same mix with shorter and
 * shorter think times, LOAD_STEP_DURATION seconds each (20), until a step misses.
 */
async function capacity(base: string, fx: Fixture, slots: { next: number }) {
  const steps = (process.env.LOAD_STEPS ?? "10,6,4,3,2,1.5,1").split(",").map(Number);
  const seconds = Number(process.env.LOAD_STEP_DURATION ?? 20);
  let best: { think: number; throughput: number; p95: number } | undefined;
  for (const think of steps) {
    const run = await drive(`capacity step: think time ${fmtSeconds(think)}`, base, fx, slots, seconds, think);
    if (!(run.p95 < 100) || run.errors > 0) break;
    best = { think, throughput: run.throughput, p95: run.p95 };
  }
  console.log(
    best
      ? `\ncapacity of one instance within p95 < 100 ms and no errors: ${best.throughput.toFixed(1)} req/s of the mix ` +
          `(p95 ${ms(best.p95)}) — ${CONNECTIONS} users each clicking every ${fmtSeconds(best.think)} on average`
      : "\ncapacity of one instance within p95 < 100 ms and no errors: not reached at the slowest step",
  );
}

async function main() {
  assertStandaloneBuild();
  const scratch = await createScratchDatabase("wsp_ops_b_load_");
  const started: { stop(): Promise<void> }[] = [];
  try {
    const fixture = await prepare(scratch);
    console.log(
      `Database: fresh PostgreSQL database ${scratch.name} with the demo data and ${fixture.halls.length} bench halls`,
    );
    const env = {
      DATABASE_URL: scratch.url,
      AUTH_SECRET: `load-bench-${Date.now()}-shared-by-both-instances`,
      AUTH_TRUST_HOST: "true",
      // Request lines off: the bench measures the app, not the pipe to this process.
      LOG_LEVEL: "warn",
    };
    const a: Instance = await startInstance({ label: "A", port: PORTS.a, env, keepLogs: false });
    started.push(a);
    // Sessions of the partners' admins (signed in on A; any instance accepts them).
    const cookies: string[] = [];
    for (const email of fixture.emails.slice(0, 8)) {
      const { jar, signedIn } = await signIn(a.url, email, DEMO_PASSWORD);
      if (signedIn) cookies.push(jar.header);
    }
    if (cookies.length === 0) throw new Error("could not sign in any demo admin");
    const fx: Fixture = { cookies, tokens: fixture.tokens, halls: fixture.halls };
    const slots = { next: 0 };
    // A short warm-up so the first run does not measure the first compilation of each page.
    await drive("warm-up (not counted)", a.url, fx, slots, WARMUP);
    if (RUNS.includes("one")) await drive("one instance", a.url, fx, slots);
    if (RUNS.includes("capacity")) await capacity(a.url, fx, slots);
    if (RUNS.includes("two")) {
      const b = await startInstance({ label: "B", port: PORTS.b, env, keepLogs: false });
      started.push(b);
      const nginx: Nginx = await startNginx({ port: PORTS.nginx, upstreams: [PORTS.a, PORTS.b] });
      started.push(nginx);
      await drive("warm-up of both (not counted)", nginx.url, fx, slots, WARMUP);
      await drive("two instances behind nginx", nginx.url, fx, slots);
    }
  } finally {
    for (const s of started.reverse()) await s.stop();
    await scratch.drop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
