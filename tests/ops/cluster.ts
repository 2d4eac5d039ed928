/**
 * Runs the production build as it is deployed: standalone servers (`node .next/standalone/server.js`) on one
 * PostgreSQL database, behind nginx (Debian's package) on loopback. Used by the two-instance test and by
 * `bench/load.ts`. Every process here is a child of the caller and is stopped by its own pid.
 */
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";
import postgres from "postgres";
import { type DatabaseHandle, openDatabase } from "@/db/connect";
import { migrateDatabase } from "@/db/migrate";

const ROOT = path.resolve(import.meta.dirname, "../..");
export const STANDALONE_SERVER = path.join(ROOT, ".next/standalone/server.js");

export function assertStandaloneBuild(): void {
  if (!existsSync(STANDALONE_SERVER) || !existsSync(path.join(ROOT, ".next/standalone/.next/static"))) {
    throw new Error("No standalone build with its static files: run `npm run build` first (it copies them).");
  }
}

/** A fresh, migrated PostgreSQL database named `<prefix><time>`, dropped by `drop()`. */
export async function createScratchDatabase(prefix = "wsp_ops_b_") {
  const base =
    process.env.OPS_DATABASE_URL ?? process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
  const name = `${prefix}${Date.now().toString(36)}_${process.pid}`;
  const admin = postgres(base, { max: 1, onnotice: () => {} });
  await admin.unsafe(`CREATE DATABASE ${name}`);
  const url = new URL(base);
  url.pathname = `/${name}`;
  const handle: DatabaseHandle = await openDatabase({ driver: "postgres", url: url.toString(), max: 5 });
  await migrateDatabase(handle);
  return {
    name,
    url: url.toString(),
    handle,
    async drop() {
      await handle.close().catch(() => {});
      await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => {});
      await admin.end({ timeout: 5 });
    },
  };
}

export type LogLine = Record<string, unknown> & { msg?: string; requestId?: string };

export interface Instance {
  label: string;
  port: number;
  url: string;
  /** The JSON lines it wrote (our logger), in order. */
  logs: LogLine[];
  /** Everything else it wrote (Next.js's own start-up lines). */
  text: string[];
  process: ChildProcess;
  stop(): Promise<void>;
}

async function waitFor(what: string, ms: number, check: () => Promise<boolean>) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (await check().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`timed out waiting for ${what}`);
}

function stopChild(child: ChildProcess, signal: NodeJS.Signals = "SIGTERM"): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const kill = setTimeout(() => child.kill("SIGKILL"), 10_000);
    child.once("exit", () => {
      clearTimeout(kill);
      resolve();
    });
    child.kill(signal);
  });
}

/** One standalone server on 127.0.0.1:`port`, ready when its /api/health answers 200. */
export async function startInstance(opts: {
  label: string;
  port: number;
  env: Record<string, string>;
  /** Keep the log lines (the bench turns this off: 60 s of request lines are of no use to it). */
  keepLogs?: boolean;
}): Promise<Instance> {
  assertStandaloneBuild();
  const child = spawn(process.execPath, [STANDALONE_SERVER], {
    cwd: path.dirname(STANDALONE_SERVER),
    env: {
      PATH: process.env.PATH ?? "/usr/bin:/bin",
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      PORT: String(opts.port),
      HOSTNAME: "127.0.0.1",
      ...opts.env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const instance: Instance = {
    label: opts.label,
    port: opts.port,
    url: `http://127.0.0.1:${opts.port}`,
    logs: [],
    text: [],
    process: child,
    stop: () => stopChild(child),
  };
  const keep = opts.keepLogs ?? true;
  for (const stream of [child.stdout, child.stderr]) {
    createInterface({ input: stream }).on("line", (line) => {
      if (!keep) return;
      if (line.startsWith("{")) {
        try {
          instance.logs.push(JSON.parse(line));
          return;
        } catch {
          // not ours
        }
      }
      instance.text.push(line);
    });
  }
  let exited = false;
  child.once("exit", () => {
    exited = true;
  });
  try {
    await waitFor(`${opts.label} on port ${opts.port}`, 90_000, async () => {
      if (exited) throw new Error(`${opts.label} exited: ${instance.text.slice(-10).join("\n")}`);
      return (await fetch(`${instance.url}/api/health`)).status === 200;
    });
  } catch (error) {
    await instance.stop();
    throw new Error(`${(error as Error).message}\n${instance.text.slice(-20).join("\n")}`);
  }
  return instance;
}

export interface Nginx {
  url: string;
  dir: string;
  stop(): Promise<void>;
}

export const nginxBinary = () =>
  [process.env.NGINX_BIN, "/usr/sbin/nginx", "/usr/bin/nginx"].find((p) => p && existsSync(p));

/**
 * nginx in the foreground (`daemon off`) with its own prefix and configuration in a temporary folder, balancing
 * `upstreams` round-robin. The proxy settings are those of docs/ops/nginx-site.conf, without TLS, and a caller's own
 * X-Request-Id is kept (the test sends one to find its log line).
 */
export async function startNginx(opts: { port: number; upstreams: number[]; accessLog?: boolean }): Promise<Nginx> {
  const bin = nginxBinary();
  if (!bin) throw new Error("nginx is not installed (apt-get install nginx)");
  const dir = mkdtempSync(path.join(tmpdir(), "wsp-nginx-"));
  // Started as root, nginx runs its workers as `nobody`: they must be able to write request bodies larger than the
  // in-memory buffer (a photo upload) to the body folder, so these folders are open to them.
  chmodSync(dir, 0o755);
  for (const sub of ["body", "proxy", "fastcgi", "uwsgi", "scgi"]) {
    mkdirSync(path.join(dir, "tmp", sub), { recursive: true, mode: 0o777 });
    chmodSync(path.join(dir, "tmp", sub), 0o777);
  }
  const config = `
worker_processes 1;
daemon off;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 4096; }
http {
  access_log ${opts.accessLog ? `${dir}/access.log` : "off"};
  client_body_temp_path ${dir}/tmp/body;
  proxy_temp_path ${dir}/tmp/proxy;
  fastcgi_temp_path ${dir}/tmp/fastcgi;
  uwsgi_temp_path ${dir}/tmp/uwsgi;
  scgi_temp_path ${dir}/tmp/scgi;
  # Keep the caller's request id when it has one, else nginx's own.
  map $http_x_request_id $wsp_request_id { default $http_x_request_id; "" $request_id; }
  upstream wspoldzielnia {
${opts.upstreams.map((p) => `    server 127.0.0.1:${p} max_fails=3 fail_timeout=10s;`).join("\n")}
    keepalive 64;
  }
  server {
    listen 127.0.0.1:${opts.port};
    client_max_body_size 6m;
    location / {
      proxy_pass http://wspoldzielnia;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $http_host;
      proxy_set_header X-Forwarded-For $remote_addr;
      proxy_set_header X-Forwarded-Proto $scheme;
      proxy_set_header X-Forwarded-Host $http_host;
      proxy_set_header X-Request-Id $wsp_request_id;
      add_header X-Upstream $upstream_addr always;
    }
  }
}
`;
  writeFileSync(path.join(dir, "nginx.conf"), config);
  const test = spawnSync(
    bin,
    ["-t", "-q", "-p", dir, "-c", path.join(dir, "nginx.conf"), "-e", path.join(dir, "error.log")],
    {
      encoding: "utf8",
    },
  );
  if (test.status !== 0) throw new Error(`nginx configuration refused: ${test.stderr}`);
  const child = spawn(bin, ["-p", dir, "-c", path.join(dir, "nginx.conf"), "-e", path.join(dir, "error.log")], {
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  child.stderr?.on("data", (d) => {
    stderr += d;
  });
  const url = `http://127.0.0.1:${opts.port}`;
  await waitFor(`nginx on port ${opts.port}`, 15_000, async () => {
    if (child.exitCode !== null) throw new Error(`nginx exited: ${stderr}`);
    return (await fetch(`${url}/api/health`)).status === 200;
  });
  return {
    url,
    dir,
    async stop() {
      // SIGQUIT: graceful shutdown of the master and its workers.
      await stopChild(child, "SIGQUIT");
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A cookie jar just big enough for Auth.js: name → value from each response's Set-Cookie. */
export class CookieJar {
  private cookies = new Map<string, string>();
  take(response: Response): this {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const at = pair.indexOf("=");
      const name = pair.slice(0, at).trim();
      const value = pair.slice(at + 1).trim();
      if (value) this.cookies.set(name, value);
      else this.cookies.delete(name);
    }
    return this;
  }
  has(name: string) {
    return this.cookies.has(name);
  }
  get header() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }
}

/**
 * Signs in through Auth.js's own endpoints of the server at `base` (the CSRF token, then the credentials callback).
 * Returns the jar (with the session cookie when it worked) and where Auth.js redirected: the login page with
 * `code=invalid_credentials` or `code=rate_limited` when it did not.
 */
export async function signIn(base: string, email: string, password: string, jar = new CookieJar()) {
  const csrf = await fetch(`${base}/api/auth/csrf`, { headers: { cookie: jar.header } });
  jar.take(csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar.header },
    body: new URLSearchParams({ csrfToken, email, password, callbackUrl: `${base}/dashboard` }),
  });
  jar.take(response);
  const location = response.headers.get("location") ?? "";
  return { jar, location, signedIn: jar.has("authjs.session-token") };
}
