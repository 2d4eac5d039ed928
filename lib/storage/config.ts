import path from "node:path";
import { z } from "zod";
import { dataDirOf, type Env } from "@/lib/env";

/** Where uploaded files (resource photos) are kept: see `lib/storage`. */
export type StorageConfig =
  | { driver: "local"; dir: string }
  | { driver: "s3"; endpoint: string; bucket: string; region: string; accessKeyId: string; secretAccessKey: string };

const S3_VARIABLES = ["S3_ENDPOINT", "S3_BUCKET", "S3_REGION", "S3_ACCESS_KEY_ID", "S3_SECRET_ACCESS_KEY"] as const;

const s3Env = z.object({
  S3_ENDPOINT: z.url({ protocol: /^https?$/, error: "an http:// or https:// address, e.g. https://s3.example.pl" }),
  // Path-style requests put the bucket in the path, so any S3 bucket name is safe there.
  S3_BUCKET: z.string().regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, "3-63 lowercase letters, digits, dots or hyphens"),
  S3_REGION: z.string().min(1),
  S3_ACCESS_KEY_ID: z.string().min(1),
  S3_SECRET_ACCESS_KEY: z.string().min(1),
});

/**
 * `STORAGE_DRIVER` unset or `local` → a folder: `UPLOADS_DIR`, default `<DATA_DIR>/uploads` (next to the embedded
 * database, so the embedded backup packs both). `s3` → an S3-compatible bucket addressed path-style (MinIO, Garage,
 * Ceph, AWS); every S3_* variable is required and a missing or malformed one stops the server at start.
 */
export function storageConfig(env: Env = process.env): StorageConfig {
  const driver = env.STORAGE_DRIVER?.trim() || "local";
  if (driver === "local") {
    const dir = env.UPLOADS_DIR?.trim();
    return { driver, dir: dir ? path.resolve(dir) : path.join(dataDirOf(env), "uploads") };
  }
  if (driver !== "s3") throw new Error(`STORAGE_DRIVER must be "local" or "s3", not "${driver}".`);
  const given = Object.fromEntries(S3_VARIABLES.map((name) => [name, env[name]?.trim() || undefined]));
  const parsed = s3Env.safeParse(given);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => {
      const name = String(issue.path[0]);
      return given[name] === undefined ? `${name} is not set` : `${name}: ${issue.message}`;
    });
    throw new Error(`STORAGE_DRIVER=s3 needs ${S3_VARIABLES.join(", ")}. ${problems.join("; ")}.`);
  }
  const v = parsed.data;
  return {
    driver,
    endpoint: v.S3_ENDPOINT.replace(/\/+$/, ""),
    bucket: v.S3_BUCKET,
    region: v.S3_REGION,
    accessKeyId: v.S3_ACCESS_KEY_ID,
    secretAccessKey: v.S3_SECRET_ACCESS_KEY,
  };
}
