/**
 * `npm run bench:load`: a mixed workload with autocannon against the production build (standalone servers), first one
 * instance, then two behind nginx, on a fresh PostgreSQL database with the demo data. Needs `npm run build` and nginx.
 *
 * The mix, per request (each of the LOAD_CONNECTIONS connections is one user):
 *   60% browse the catalogue   GET /resources (the page people use; every other one filtered by kind)
 *   25% dates-first search     GET /resources?date=…&from=…&to=…&people=… (the same page, a free-time window)
 *   10% create a booking       POST /api/v1/bookings with an API token, each on a slot of its own (201; a 409 is a
 *                               refused overlap — an answer, counted apart, not an error)
 *    5% open a report          GET /reports (utilisation of the signed-in organisation, default period)
 * Pages are what people browse, so the catalogue and search go through the pages (server rendering included), signed
 * in as the partners' admins; bookings go through the API that scripts use.
 *
 * Prints, for each run, p50/p95/p99 latency, throughput, and errors (socket errors, timeouts, and statuses other than
 * 2xx and the booking's 409), then per kind. Environment: LOAD_DURATION seconds (60), LOAD_CONNECTIONS (50),
 * LOAD_RUNS (`one,two`), LOAD_WARMUP seconds (5, not counted), BENCH_DATABASE_URL / DATABASE_URL (the server; a
 * scratch database `wsp_ops_b_load_…` is created and dropped). Ports 3411, 3412 (instances) and 8411 (nginx).
 *
 * Users: by default each of the 50 users clicks once a second (LOAD_THINK=1: the run is paced at 50 requests a
 * second with autocannon's `overallRate`), which is already a busier partnership than any real one — people read a
 * page for several seconds. LOAD_THINK=0 makes it a closed loop (every connection sends its next request as soon as
 * the last is answered: users who never read), which measures capacity: latency is then about connections ÷
 * throughput. LOAD_RATE=N sets the pace directly. LOAD_SURFACE=api sends browse, search and report to the JSON API (/api/v1/resources,
 * /api/v1/reports/utilisation, with tokens) instead of the pages, to tell rendering cost from the rest.
 */
import autocannon from "autocannon";
import { eq } from "drizzle-orm";
import { memberships, organisations, resources, users } from "@/db/schema";
import { seedDemo } from "@/db/seed";
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
const RATE = process.env.LOAD_RATE
  ? Number(process.env.LOAD_RATE)
  : THINK > 0
    ? Math.round(CONNECTIONS / THINK)
    : undefined;
const SURFACE = process.env.LOAD_SURFACE === "api" ? "api" : "pages";
const RUNS = (process.env.LOAD_RUNS ?? "one,two").split(",").map((s) => s.trim());
const PORTS = { a: 3411, b: 3412, nginx: 8411 };
const PASSWORD = "aktywni-z-pasja";
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
const ms = (n: number) => (Number.isNaN(n) ? "–" : `${n.toFixed(1)} ms`);

/** What one connection remembers between building a request and reading its answer. */
interface Context {
  kind: Kind;
  started: number;
}

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

/** One autocannon run of the mix against `base`. */
async function drive(label: string, base: string, fx: Fixture, slots: { next: number }, duration = DURATION) {
  const latencies: number[] = [];
  const byKind = new Map<Kind, { statuses: Map<number, number>; latencies: number[] }>(
    MIX.map(([k]) => [k, { statuses: new Map(), latencies: [] }]),
  );
  const firstDay = Date.UTC(2031, 0, 6, 6); // far enough ahead for every horizon, never in the past
  let finish: (result: autocannon.Result) => void = () => {};
  let fail: (error: unknown) => void = () => {};
  const done = new Promise<autocannon.Result>((resolve, reject) => {
    finish = resolve;
    fail = reject;
  });
  const instance = autocannon(
    {
      url: base,
      connections: CONNECTIONS,
      ...(RATE ? { overallRate: RATE } : {}),
      duration,
      timeout: 10,
      requests: [
        {
          setupRequest: (request, ctx) => {
            const context = ctx as Context;
            const kind = pick();
            context.kind = kind;
            context.started = performance.now();
            const cookie = fx.cookies[Math.floor(Math.random() * fx.cookies.length)];
            if (kind === "book") {
              // Slot n: hall n mod 40, then back-to-back half hours; never the same slot twice in this process.
              const n = slots.next++;
              const start = new Date(firstDay + Math.floor(n / fx.halls.length) * HOUR);
              return {
                ...request,
                method: "POST",
                path: "/api/v1/bookings",
                headers: {
                  authorization: `Bearer ${fx.tokens[n % fx.tokens.length]}`,
                  "content-type": "application/json",
                },
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
                    ? "/api/v1/reports/utilisation"
                    : Math.random() < 0.5
                      ? "/api/v1/resources"
                      : "/api/v1/resources?kind=equipment";
              const token = fx.tokens[Math.floor(Math.random() * fx.tokens.length)];
              return {
                ...request,
                method: "GET",
                path,
                headers: { authorization: `Bearer ${token}` },
                body: undefined,
              };
            }
            const path =
              kind === "search"
                ? `/resources?date=${day}&from=10:00&to=14:00&people=${people}`
                : kind === "report"
                  ? "/reports"
                  : Math.random() < 0.5
                    ? "/resources"
                    : "/resources?kind=equipment";
            return { ...request, method: "GET", path, headers: { cookie }, body: undefined };
          },
          onResponse: (status, _body, ctx) => {
            const context = ctx as Context;
            const kind = context.kind;
            const entry = byKind.get(kind);
            if (!entry) return;
            entry.statuses.set(status, (entry.statuses.get(status) ?? 0) + 1);
            entry.latencies.push(performance.now() - context.started);
          },
        },
      ],
    },
    (error, result) => (error ? fail(error) : finish(result)),
  );
  instance.on("response", (_client, _status, _bytes, responseTime) => {
    latencies.push(responseTime);
  });
  const result = await done;

  latencies.sort((x, y) => x - y);
  let refused = 0;
  let badStatus = 0;
  for (const [kind, { statuses }] of byKind) {
    for (const [status, n] of statuses) {
      if (kind === "book" && status === 409) refused += n;
      else if (status < 200 || status >= 400) badStatus += n;
    }
  }
  // autocannon's `errors` already includes its `timeouts`.
  const errors = result.errors + badStatus;
  const pace = RATE ? `paced at ${RATE} req/s (think time ${THINK} s a user)` : "closed loop (no think time)";
  console.log(`\n${label}: ${CONNECTIONS} connections, ${pace}, ${SURFACE}, ${duration} s, ${base}`);
  console.log(
    `  all      p50 ${ms(quantile(latencies, 0.5))}  p95 ${ms(quantile(latencies, 0.95))}  p99 ${ms(quantile(latencies, 0.99))}  ` +
      `throughput ${(latencies.length / duration).toFixed(1)} req/s  requests ${latencies.length}  ` +
      `errors ${errors} (connection ${result.errors - result.timeouts}, timeouts ${result.timeouts}, bad status ${badStatus})  booking conflicts (409) ${refused}`,
  );
  for (const [kind, { statuses, latencies: own }] of byKind) {
    own.sort((x, y) => x - y);
    const codes = [...statuses].map(([s, n]) => `${s}×${n}`).join(" ");
    console.log(
      `  ${kind.padEnd(8)} p50 ${ms(quantile(own, 0.5))}  p95 ${ms(quantile(own, 0.95))}  p99 ${ms(quantile(own, 0.99))}  ` +
        `n ${own.length}  ${codes}`,
    );
  }
  return { p95: quantile(latencies, 0.95), errors };
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
      const { jar, signedIn } = await signIn(a.url, email, PASSWORD);
      if (signedIn) cookies.push(jar.header);
    }
    if (cookies.length === 0) throw new Error("could not sign in any demo admin");
    const fx: Fixture = { cookies, tokens: fixture.tokens, halls: fixture.halls };
    const slots = { next: 0 };
    // A short warm-up so the first run does not measure the first compilation of each page.
    await drive("warm-up (not counted)", a.url, fx, slots, WARMUP);
    if (RUNS.includes("one")) await drive("one instance", a.url, fx, slots);
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
