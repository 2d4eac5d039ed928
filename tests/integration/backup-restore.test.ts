/**
 * Backups (issue 7): the scripts in docs/ops/ that README's "Backups" section schedules, run for real, and a restore
 * from what they wrote with the same row counts and utilisation figures. The embedded half runs everywhere; the
 * PostgreSQL half (pg_dump → pg_restore into a fresh database) when DATABASE_URL is set, as in CI's PostgreSQL step.
 */
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import postgres from "postgres";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase } from "@/db/connect";
import { tableRowCounts } from "@/db/dump";
import { seedTrial, trialFigures } from "../helpers/trial";

const PG_URL = process.env.DATABASE_URL;
const work = mkdtempSync(path.join(tmpdir(), "wsp-ops-a-backup-"));
const created: string[] = [];
const DAY = 86_400_000;

function script(name: string, args: string[], env: Record<string, string>) {
  const result = spawnSync("bash", [path.join(process.cwd(), "docs", "ops", name), ...args], {
    env: { ...process.env, ...env },
    encoding: "utf8",
    timeout: 120_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Files in `dir` matching `pattern`, in name (= date) order. */
const list = (dir: string, pattern: RegExp) =>
  readdirSync(dir)
    .filter((f) => pattern.test(f))
    .sort();

/** Leftovers of earlier days: one 30 days old (to be deleted), one 2 days old (to be kept). */
function oldBackups(dir: string, prefix: string, suffix: string) {
  mkdirSync(dir, { recursive: true });
  const stale = path.join(dir, `${prefix}20261027T023000Z${suffix}`);
  const recent = path.join(dir, `${prefix}20261124T023000Z${suffix}`);
  for (const [file, age] of [
    [stale, 30],
    [recent, 2],
  ] as const) {
    writeFileSync(file, "an older backup");
    const t = new Date(Date.now() - age * DAY);
    utimesSync(file, t, t);
  }
  return { stale, recent };
}

afterAll(async () => {
  if (PG_URL && created.length > 0) {
    const admin = postgres(PG_URL, { max: 1, onnotice: () => {} });
    for (const name of created) await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
  rmSync(work, { recursive: true, force: true });
});

describe("backup and restore of the embedded database (docs/ops/backup-embedded.sh, restore-embedded.sh)", () => {
  it("refuses while the app has it open, then backs up, rotates and restores it whole", async () => {
    const dataDir = path.join(work, "embedded");
    const backups = path.join(work, "embedded-backups");
    const { stale, recent } = oldBackups(backups, "wspoldzielnia-embedded-", ".tar.gz");
    const env = { DATA_DIR: dataDir, BACKUP_DIR: backups, KEEP_DAYS: "14" };

    const trial = await openDatabase({ driver: "pglite", dataDir: path.join(dataDir, "pglite") });
    let before: Awaited<ReturnType<typeof trialFigures>>;
    try {
      await seedTrial(trial);
      before = await trialFigures(trial);
      const refused = script("backup-embedded.sh", [], env);
      expect(refused.status).toBe(1);
      expect(refused.stderr).toContain("is open in a running process");
      expect(list(backups, /\.tar\.gz$/)).toHaveLength(2);
    } finally {
      await trial.close();
    }
    writeFileSync(path.join(dataDir, "auth-secret"), "the generated session secret");

    const run = script("backup-embedded.sh", [], env);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(existsSync(stale)).toBe(false);
    expect(existsSync(recent)).toBe(true);
    const written = list(backups, /^wspoldzielnia-embedded-\d{8}T\d{6}Z\.tar\.gz$/).filter(
      (f) => path.join(backups, f) !== recent,
    );
    expect(written).toHaveLength(1);
    const archive = path.join(backups, written[0]);
    expect(statSync(archive).mode & 0o777).toBe(0o600);

    // Restore into a new folder (as after moving a broken one aside); a non-empty one is refused.
    const refusedRestore = script("restore-embedded.sh", [archive], { DATA_DIR: dataDir });
    expect(refusedRestore.status).toBe(1);
    expect(refusedRestore.stderr).toContain("is not empty");
    const restoredDir = path.join(work, "embedded-restored");
    const restore = script("restore-embedded.sh", [archive], { DATA_DIR: restoredDir });
    expect(restore.stderr).toBe("");
    expect(restore.status).toBe(0);
    expect(existsSync(path.join(restoredDir, "auth-secret"))).toBe(true);
    const restored = await openDatabase({ driver: "pglite", dataDir: path.join(restoredDir, "pglite") });
    try {
      expect(await trialFigures(restored)).toEqual(before);
    } finally {
      await restored.close();
    }
  }, 180_000);
});

describe.skipIf(!PG_URL)("backup and restore of PostgreSQL (docs/ops/backup-postgres.sh, restore-postgres.sh)", () => {
  async function freshDatabase(): Promise<string> {
    const name = `wsp_ops_a_${Date.now().toString(36)}_${randomBytes(3).toString("hex")}`;
    const admin = postgres(PG_URL!, { max: 1, onnotice: () => {} });
    await admin.unsafe(`CREATE DATABASE ${name}`);
    await admin.end();
    created.push(name);
    const url = new URL(PG_URL!);
    url.pathname = `/${name}`;
    return url.toString();
  }

  it("pg_dump archive, rotation, pg_restore into a fresh database: the same counts and figures", async () => {
    const source = await freshDatabase();
    const h = await openDatabase({ driver: "postgres", url: source, max: 2 });
    let before: Awaited<ReturnType<typeof trialFigures>>;
    try {
      await seedTrial(h);
      before = await trialFigures(h);
    } finally {
      await h.close();
    }
    const backups = path.join(work, "pg-backups");
    const { stale, recent } = oldBackups(backups, "wspoldzielnia-", ".dump");

    const run = script("backup-postgres.sh", [], { DATABASE_URL: source, BACKUP_DIR: backups, KEEP_DAYS: "14" });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(`deleted old backup: ${stale}`);
    expect(existsSync(stale)).toBe(false);
    expect(existsSync(recent)).toBe(true);
    const written = list(backups, /^wspoldzielnia-\d{8}T\d{6}Z\.dump$/).filter((f) => path.join(backups, f) !== recent);
    expect(written).toHaveLength(1);
    const archive = path.join(backups, written[0]);
    expect(statSync(archive).mode & 0o777).toBe(0o600);
    expect(list(backups, /\.partial$/)).toEqual([]);

    const target = await freshDatabase();
    const restore = script("restore-postgres.sh", [archive], { DATABASE_URL: target });
    expect(restore.stderr).toBe("");
    expect(restore.status).toBe(0);
    const r = await openDatabase({ driver: "postgres", url: target, max: 2 });
    try {
      expect(await trialFigures(r)).toEqual(before);
    } finally {
      await r.close();
    }

    // Restoring over a database in use is refused before anything is touched.
    const again = script("restore-postgres.sh", [archive], { DATABASE_URL: target });
    expect(again.status).toBe(1);
    expect(again.stderr).toContain("the target database is not empty");
    const check = await openDatabase({ driver: "postgres", url: target, max: 1 });
    try {
      expect(await tableRowCounts(check.query)).toEqual(before.counts);
    } finally {
      await check.close();
    }
  }, 180_000);
});
