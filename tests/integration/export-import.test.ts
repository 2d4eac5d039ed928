/**
 * Moving from the embedded trial to PostgreSQL (issue 7): the real `npm run db:export` on a seeded embedded database
 * with added bookings, the real `npm run db:import` into a fresh PostgreSQL database, and the same row counts and
 * utilisation figures on both sides; plus the refusals. The PostgreSQL half runs when DATABASE_URL is set (CI's
 * PostgreSQL step); without it the export half and the refusals that need no server still run.
 */
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DatabaseHandle, openDatabase } from "@/db/connect";
import {
  appMigrations,
  existingObjects,
  migrationState,
  prepareDump,
  splitStatements,
  tableRowCounts,
} from "@/db/dump";
import { ADDED_RESOURCE, seedTrial, trialFigures } from "../helpers/trial";

const PG_URL = process.env.DATABASE_URL;
const work = mkdtempSync(path.join(tmpdir(), "wsp-ops-a-export-"));
const dataDir = path.join(work, "data");
const dumpFile = path.join(work, "trial.sql");
const created: string[] = [];

/** Runs an npm script as an admin would; DATABASE_URL="" means the embedded database in DATA_DIR. */
function npmRun(script: string, args: string[], env: Record<string, string>) {
  const result = spawnSync("npm", ["run", "--silent", script, "--", ...args], {
    cwd: process.cwd(),
    env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: "", ...env },
    encoding: "utf8",
    timeout: 120_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A new, empty PostgreSQL database (wsp_ops_a_…), dropped in afterAll. */
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

let before: Awaited<ReturnType<typeof trialFigures>>;
let trial: DatabaseHandle | undefined;

beforeAll(async () => {
  // The trial: the embedded database as the app leaves it (migrated, demo partnership), then a few more bookings.
  trial = await openDatabase({ driver: "pglite", dataDir: path.join(dataDir, "pglite") });
  await seedTrial(trial);
  before = await trialFigures(trial);
}, 180_000);

afterAll(async () => {
  await trial?.close().catch(() => {});
  if (PG_URL && created.length > 0) {
    const admin = postgres(PG_URL, { max: 1, onnotice: () => {} });
    for (const name of created) await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
  rmSync(work, { recursive: true, force: true });
});

describe("npm run db:export (embedded database)", () => {
  it("refuses while another process has the embedded database open, and writes nothing", () => {
    // This test process still holds the trial open, as a running app would.
    const run = npmRun("db:export", [dumpFile], {});
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("is open in another process");
    expect(run.stderr).toContain("Stop the app first");
    expect(existsSync(dumpFile)).toBe(false);
  });

  it("writes a plain SQL dump of the seeded trial with its added bookings", async () => {
    await trial?.close();
    trial = undefined;
    const run = npmRun("db:export", [dumpFile], {});
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    const rows = Object.values(before.counts).reduce((a, b) => a + b, 0);
    expect(run.stdout).toContain(`${Object.keys(before.counts).length} tables, ${rows} rows`);
    expect(statSync(dumpFile).mode & 0o777).toBe(0o600);
    const text = readFileSync(dumpFile, "utf8");
    expect(text).toMatch(/^--\n-- PostgreSQL database dump/);
    expect(text).toContain("CREATE EXTENSION IF NOT EXISTS btree_gist");
    expect(text).toContain("próba; z apostrofem '' i średnikiem ;");
    expect(text).not.toMatch(/^COPY /m);
    const { statements } = prepareDump(text, dumpFile);
    expect(statements.some((s) => s.sql.startsWith("INSERT INTO public.bookings"))).toBe(true);
  }, 120_000);

  it("says so when the file to import is missing", () => {
    const run = npmRun("db:import", [path.join(work, "missing.sql")], {
      DATABASE_URL: "postgres://nobody@127.0.0.1:1/none",
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`Import failed: File not found: ${path.join(work, "missing.sql")}`);
  });

  it("will not import into the embedded database", () => {
    const run = npmRun("db:import", [dumpFile], {});
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("set DATABASE_URL");
  });
});

describe.skipIf(!PG_URL)("npm run db:import into PostgreSQL", () => {
  let target: string;

  it("loads the trial into a fresh database: the same row counts and utilisation figures", async () => {
    target = await freshDatabase();
    const run = npmRun("db:import", [dumpFile], { DATABASE_URL: target });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("Migrations match this app.");
    const h = await openDatabase({ driver: "postgres", url: target, max: 2 });
    try {
      const after = await trialFigures(h);
      expect(after.counts).toEqual(before.counts);
      expect(after.byResource).toEqual(before.byResource);
      expect(after.byOrganisation).toEqual(before.byOrganisation);
      // The added resource is in the report, with its four bookings.
      expect(after.byResource.rows.find((r) => r.label === ADDED_RESOURCE)?.bookings).toBe(4);
      expect(await migrationState(h.query)).toEqual({ kind: "current", applied: appMigrations().length });
      // Sequences continue where the trial stopped: the next migration id does not collide.
      const [next] = await h.query<{ id: number }>("SELECT nextval('drizzle.__drizzle_migrations_id_seq')::int AS id");
      expect(next.id).toBe(appMigrations().length + 1);
    } finally {
      await h.close();
    }
  }, 120_000);

  it("refuses a target that is not empty and changes nothing", async () => {
    const run = npmRun("db:import", [dumpFile], { DATABASE_URL: target });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("The target database is not empty");
    expect(run.stderr).toContain("nothing was changed");
    const h = await openDatabase({ driver: "postgres", url: target, max: 1 });
    try {
      expect(await tableRowCounts(h.query)).toEqual(before.counts);
    } finally {
      await h.close();
    }
  }, 120_000);

  it("refuses a dump of a newer schema and leaves the target empty", async () => {
    // What a later version's export looks like: one more migration recorded, and the table it made.
    const newer = path.join(work, "newer.sql");
    const future = appMigrations().at(-1)!.createdAt + 86_400_000;
    writeFileSync(
      newer,
      readFileSync(dumpFile, "utf8").replace(
        "-- PostgreSQL database dump complete",
        `CREATE TABLE public.future_feature (id integer);\nINSERT INTO drizzle.__drizzle_migrations (hash, created_at) VALUES ('${"f".repeat(64)}', ${future});\n\n-- PostgreSQL database dump complete`,
      ),
    );
    const empty = await freshDatabase();
    const run = npmRun("db:import", [newer], { DATABASE_URL: empty });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("is of a newer schema");
    expect(run.stderr).toContain("1 migration(s) this version of the app does not know");
    expect(run.stderr).toContain("Upgrade the app");
    const sql = postgres(empty, { max: 1, onnotice: () => {} });
    try {
      expect(await existingObjects(sql)).toEqual([]);
    } finally {
      await sql.end();
    }
  }, 120_000);

  it("brings a dump of an older version up to date with this app's migrations", async () => {
    // An embedded database of the version before the last migration, exported with the real command.
    const oldData = path.join(work, "old-data");
    const oldMigrations = path.join(work, "old-migrations");
    cpSync(path.join(process.cwd(), "db", "migrations"), oldMigrations, { recursive: true });
    const journalFile = path.join(oldMigrations, "meta", "_journal.json");
    const journal = JSON.parse(readFileSync(journalFile, "utf8"));
    const last = journal.entries.pop();
    writeFileSync(journalFile, JSON.stringify(journal));
    const old = await openDatabase({ driver: "pglite", dataDir: path.join(oldData, "pglite") });
    const { migrate } = await import("drizzle-orm/pglite/migrator");
    await migrate(old.db as never, {
      migrationsFolder: oldMigrations,
      migrationsSchema: "drizzle",
      migrationsTable: "__drizzle_migrations",
    });
    await old.close();
    const oldDump = path.join(work, "old.sql");
    expect(npmRun("db:export", [oldDump], { DATA_DIR: oldData }).status).toBe(0);

    const target = await freshDatabase();
    const run = npmRun("db:import", [oldDump], { DATABASE_URL: target });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(`applied this app's newer migrations: ${last.tag}`);
    const h = await openDatabase({ driver: "postgres", url: target, max: 1 });
    try {
      expect(await migrationState(h.query)).toEqual({ kind: "current", applied: appMigrations().length });
    } finally {
      await h.close();
    }
  }, 240_000);
});

describe("reading a dump", () => {
  it("splits statements at semicolons outside strings, identifiers, dollar quotes and comments", () => {
    const text = [
      "-- a comment; not a statement",
      "SET a = 1;",
      "INSERT INTO t VALUES ('x;y', 'it''s; fine', E'back\\'slash;');",
      'CREATE TABLE "we;ird" (id int);',
      "CREATE FUNCTION f() RETURNS int LANGUAGE plpgsql AS $body$ BEGIN RETURN 1; END; $body$;",
      "/* block; /* nested; */ still; */ SELECT 1;",
      "\\restrict abc123",
      "SELECT $$;$$;",
    ].join("\n");
    expect(splitStatements(text).map((s) => [s.line, s.sql])).toEqual([
      [2, "SET a = 1;"],
      [3, "INSERT INTO t VALUES ('x;y', 'it''s; fine', E'back\\'slash;');"],
      [4, 'CREATE TABLE "we;ird" (id int);'],
      [5, "CREATE FUNCTION f() RETURNS int LANGUAGE plpgsql AS $body$ BEGIN RETURN 1; END; $body$;"],
      [6, "SELECT 1;"],
      [7, "\\restrict abc123"],
      [8, "SELECT $$;$$;"],
    ]);
  });

  it("drops what PostgreSQL 15 or another role cannot take, and refuses what it cannot load", () => {
    const head = "--\n-- PostgreSQL database dump\n--\n\n";
    const { statements, dropped } = prepareDump(
      `${head}\\restrict k1\nSET transaction_timeout = 0;\nCOMMENT ON EXTENSION x IS 'y';\nALTER TABLE public.t OWNER TO someone;\nGRANT ALL ON TABLE public.t TO app;\nCREATE TABLE public.t (id int);\n\\unrestrict k1\n`,
      "x.sql",
    );
    expect(statements.map((s) => s.sql)).toEqual(["CREATE TABLE public.t (id int);"]);
    expect(dropped).toBe(6);
    expect(() => prepareDump(`${head}COPY public.t (id) FROM stdin;\n1\n\\.\n`, "x.sql")).toThrow(/COPY … FROM stdin/);
    expect(() => prepareDump("PGDMP\u0001…", "x.dump")).toThrow(/pg_restore/);
    expect(() => prepareDump("SELECT 1;", "x.sql")).toThrow(/does not look like a plain SQL dump/);
  });
});
