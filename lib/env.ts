import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { DatabaseTarget } from "@/db/connect";

export type Env = Record<string, string | undefined>;

/** `DATA_DIR`, default `.data` in the working directory, as an absolute path. */
export const dataDirOf = (env: Env) =>
  path.resolve(env.DATA_DIR ?? path.join(/* turbopackIgnore: true */ process.cwd(), ".data"));

/** Where the embedded database, local-only secrets and (by default) uploaded files live. */
export const dataDir = dataDirOf(process.env);

export const isProduction = () => process.env.NODE_ENV === "production";

/** `DATABASE_URL` set → PostgreSQL through `postgres`; unset → embedded PGlite under `.data/`. */
export function databaseTarget(): DatabaseTarget {
  const url = process.env.DATABASE_URL?.trim();
  if (url) {
    if (!/^postgres(ql)?:\/\//.test(url)) {
      throw new Error("DATABASE_URL must start with postgres:// or postgresql://");
    }
    return { driver: "postgres", url, max: Number(process.env.DATABASE_POOL_MAX ?? 10) };
  }
  return { driver: "pglite", dataDir: path.join(dataDir, "pglite") };
}

/**
 * AUTH_SECRET from the environment; outside production a missing one is generated once and kept in `.data/`,
 * so a newcomer's sessions survive restarts. Production refuses to start without it.
 */
export function authSecret(): string {
  const fromEnv = process.env.AUTH_SECRET?.trim();
  if (fromEnv) return fromEnv;
  if (isProduction()) {
    throw new Error(
      "AUTH_SECRET is not set. In production it is required: generate one with `openssl rand -base64 32` and put it in the environment.",
    );
  }
  const file = path.join(dataDir, "auth-secret");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString("base64");
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}
