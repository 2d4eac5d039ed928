/**
 * Moving a database between the embedded PGlite and PostgreSQL: a plain SQL dump out (`db:export`), the same dump in
 * (`db:import`), and the checks around both (is the embedded folder in use, is the target empty, do the migrations
 * match). The CLIs in db/cli/ only parse arguments and print; everything they do is here.
 */
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import {
  chmodSync,
  cpSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { btree_gist } from "@electric-sql/pglite/contrib/btree_gist";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { unaccent } from "@electric-sql/pglite/contrib/unaccent";
import { pgDump } from "@electric-sql/pglite-tools/pg_dump";
import postgres from "postgres";
import { type DatabaseHandle, openDatabase } from "./connect";
import { migrateDatabase, migrationsFolder } from "./migrate";

/** A failure the admin can act on: the CLIs print its message alone, without a stack. */
export class DumpError extends Error {}

type Query = DatabaseHandle["query"];

// ---------------------------------------------------------------------------------------------------------------
// Row counts and migration state (used by both CLIs and by the tests that compare before and after)

/** Rows in every table of the app's schemas (`public`, `drizzle`), keyed `schema.table`, in name order. */
export async function tableRowCounts(query: Query): Promise<Record<string, number>> {
  const tables = await query<{ name: string }>(
    `SELECT quote_ident(n.nspname) || '.' || quote_ident(c.relname) AS name
       FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
      WHERE c.relkind IN ('r', 'p') AND n.nspname IN ('public', 'drizzle')
        AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d
                         WHERE d.classid = 'pg_catalog.pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e')
      ORDER BY n.nspname, c.relname`,
  );
  const counts: Record<string, number> = {};
  for (const { name } of tables) {
    const [row] = await query<{ n: string | number }>(`SELECT count(*) AS n FROM ${name}`);
    counts[name] = Number(row.n);
  }
  return counts;
}

export interface AppMigration {
  tag: string;
  hash: string;
  createdAt: number;
}

/** The app's migrations as drizzle's migrator records them: sha256 of the file, the journal's `when`. */
export function appMigrations(folder = migrationsFolder): AppMigration[] {
  const journal = JSON.parse(readFileSync(path.join(folder, "meta", "_journal.json"), "utf8")) as {
    entries: { tag: string; when: number }[];
  };
  return journal.entries.map((entry) => ({
    tag: entry.tag,
    createdAt: entry.when,
    hash: createHash("sha256")
      .update(readFileSync(path.join(folder, `${entry.tag}.sql`)).toString())
      .digest("hex"),
  }));
}

export type MigrationState =
  | { kind: "current"; applied: number }
  | { kind: "older"; applied: number; pending: AppMigration[] }
  | { kind: "newer"; unknown: number; newest: Date }
  | { kind: "diverged"; detail: string }
  | { kind: "missing" };

/**
 * Compares `drizzle.__drizzle_migrations` with the app's migration files. Stricter than drizzle's migrator (which
 * looks only at the newest `created_at`): every recorded migration must be one of ours, with the same hash, in order.
 */
export async function migrationState(query: Query, app = appMigrations()): Promise<MigrationState> {
  const [present] = await query<{ ok: boolean }>(
    "SELECT pg_catalog.to_regclass('drizzle.__drizzle_migrations') IS NOT NULL AS ok",
  );
  if (!present?.ok) return { kind: "missing" };
  const rows = (
    await query<{ hash: string; created_at: string | number }>(
      "SELECT hash, created_at FROM drizzle.__drizzle_migrations ORDER BY created_at, id",
    )
  ).map((r) => ({ hash: r.hash, createdAt: Number(r.created_at) }));
  const newestKnown = app.at(-1)?.createdAt ?? 0;
  const unknown = rows.filter((r) => !app.some((m) => m.createdAt === r.createdAt));
  if (unknown.length > 0 && unknown.every((r) => r.createdAt > newestKnown)) {
    return { kind: "newer", unknown: unknown.length, newest: new Date(Math.max(...unknown.map((r) => r.createdAt))) };
  }
  for (const [i, row] of rows.entries()) {
    const expected = app[i];
    if (!expected || expected.createdAt !== row.createdAt) {
      return { kind: "diverged", detail: `migration ${i + 1} (created ${row.createdAt}) is not this app's` };
    }
    if (expected.hash !== row.hash) {
      return { kind: "diverged", detail: `migration ${expected.tag} has different contents` };
    }
  }
  if (rows.length === app.length) return { kind: "current", applied: rows.length };
  return { kind: "older", applied: rows.length, pending: app.slice(rows.length) };
}

// ---------------------------------------------------------------------------------------------------------------
// Export

export interface ExportResult {
  bytes: number;
  tables: number;
  rows: number;
}

/** pg_dump options for both exports: no owners or grants (the importing role owns everything), INSERTs in batches. */
const COMMON_DUMP_ARGS = ["--format=plain", "--no-owner", "--no-privileges", "--rows-per-insert=200"];

/**
 * Processes (other than this one) holding files inside `dir` open, read from /proc (Linux). PGlite has no lock
 * across processes, but a process that has it open keeps dozens of its files open, so this finds a running app.
 * `unreadable` counts processes of other users that could not be inspected; null when there is no /proc.
 */
export function processesUsing(dir: string): { pids: { pid: number; command: string }[]; unreadable: number } | null {
  if (!existsSync("/proc/self/fd")) return null;
  // /proc shows resolved paths: a DATA_DIR through a symlink must be compared resolved too.
  const prefix = (existsSync(dir) ? realpathSync(dir) : path.resolve(dir)) + path.sep;
  const pids: { pid: number; command: string }[] = [];
  let unreadable = 0;
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    let fds: string[];
    try {
      fds = readdirSync(`/proc/${entry}/fd`);
    } catch {
      unreadable++;
      continue;
    }
    const holds = fds.some((fd) => {
      try {
        return readlinkSync(`/proc/${entry}/fd/${fd}`).startsWith(prefix);
      } catch {
        return false;
      }
    });
    if (holds) {
      let command = "";
      try {
        command = readFileSync(`/proc/${entry}/cmdline`, "utf8").split("\0").join(" ").trim().slice(0, 120);
      } catch {}
      pids.push({ pid: Number(entry), command });
    }
  }
  return { pids, unreadable };
}

function assertNotInUse(dataDir: string): void {
  const using = processesUsing(dataDir)?.pids ?? [];
  if (using.length > 0) {
    throw new DumpError(
      [
        `The embedded database in ${dataDir} is open in another process:`,
        ...using.map((p) => `  PID ${p.pid}: ${p.command}`),
        "Stop the app first (PGlite has no lock across processes, so a copy taken while it writes may be inconsistent).",
      ].join("\n"),
    );
  }
}

/** Writes next to `file` first and renames it into place: a failed export never leaves half a dump. */
function writeAtomically(file: string, write: (tmp: string) => Promise<void> | void): Promise<void> {
  if (!existsSync(path.dirname(file))) throw new DumpError(`The folder ${path.dirname(file)} does not exist.`);
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  return (async () => {
    try {
      await write(tmp);
      // A dump holds personal data and password hashes.
      chmodSync(tmp, 0o600);
      renameSync(tmp, file);
    } finally {
      rmSync(tmp, { force: true });
    }
  })();
}

/**
 * Dumps the embedded database in `dataDir` to `file`. Refuses while another process has the folder open, and dumps
 * from a private copy of it, so the export never writes into the app's folder (opening PGlite runs recovery).
 */
export async function exportPglite(dataDir: string, file: string): Promise<ExportResult> {
  if (!existsSync(path.join(dataDir, "PG_VERSION"))) {
    throw new DumpError(`There is no embedded database in ${dataDir} (set DATA_DIR, or DATABASE_URL for PostgreSQL).`);
  }
  assertNotInUse(dataDir);
  const copyRoot = mkdtempSync(path.join(tmpdir(), "wsp-export-"));
  const copy = path.join(copyRoot, "pglite");
  let pg: PGlite | undefined;
  try {
    cpSync(dataDir, copy, { recursive: true });
    assertNotInUse(dataDir); // it did not start while we copied
    pg = new PGlite({ dataDir: copy, extensions: { btree_gist, pg_trgm, unaccent } });
    await pg.waitReady;
    const client = pg;
    const query: Query = async (text, params = []) => (await client.query<never>(text, params)).rows;
    if ((await migrationState(query)).kind === "missing") {
      throw new DumpError(
        `The embedded database in ${dataDir} has no migrations table: it is not this app's database.`,
      );
    }
    const counts = await tableRowCounts(query);
    // pg_dump 18 would otherwise add optimiser statistics that PostgreSQL before 18 cannot restore.
    const dump = await pgDump({ pg, args: [...COMMON_DUMP_ARGS, "--no-statistics"] });
    const text = await dump.text();
    await writeAtomically(file, (tmp) => writeFileSync(tmp, text));
    return summary(file, counts);
  } finally {
    await pg?.close().catch(() => {});
    rmSync(copyRoot, { recursive: true, force: true });
  }
}

function summary(file: string, counts: Record<string, number>): ExportResult {
  return {
    bytes: statSync(file).size,
    tables: Object.keys(counts).length,
    rows: Object.values(counts).reduce((a, b) => a + b, 0),
  };
}

/** libpq environment for a connection URL, so the password never appears on a command line. */
function libpqEnv(url: string): { dbname: string; env: NodeJS.ProcessEnv } {
  const u = new URL(url);
  const env: NodeJS.ProcessEnv = { ...process.env };
  if (u.password) env.PGPASSWORD = decodeURIComponent(u.password);
  u.password = "";
  return { dbname: u.toString(), env };
}

/** Runs a PostgreSQL client program; a missing binary is a clear error, not ENOENT. */
export function runClientTool(program: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(program, args, { env, stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (chunk) => {
      stderr += chunk;
    });
    child.on("error", (error: NodeJS.ErrnoException) => {
      reject(
        error.code === "ENOENT"
          ? new DumpError(
              `${program} was not found. Install the PostgreSQL client tools (Debian: apt install postgresql-client), of the server's version or newer.`,
            )
          : error,
      );
    });
    child.on("close", (code) => {
      if (code === 0) resolve();
      else reject(new DumpError(`${program} failed (exit code ${code}): ${stderr.trim()}`));
    });
  });
}

/** Dumps the PostgreSQL database at `url` with the system's pg_dump, in the same format as the embedded export. */
export async function exportPostgres(url: string, file: string): Promise<ExportResult> {
  const { dbname, env } = libpqEnv(url);
  const handle = await openDatabase({ driver: "postgres", url, max: 1 });
  let counts: Record<string, number>;
  try {
    counts = await tableRowCounts(handle.query);
  } finally {
    await handle.close();
  }
  await writeAtomically(file, (tmp) => runClientTool("pg_dump", [...COMMON_DUMP_ARGS, `--file=${tmp}`, dbname], env));
  return summary(file, counts);
}

// ---------------------------------------------------------------------------------------------------------------
// Reading a dump

export interface Statement {
  sql: string;
  /** 1-based line of the file where the statement starts. */
  line: number;
}

/**
 * Splits a plain pg_dump script into statements: `;` ends one unless it is inside a string ('…', E'…'), a quoted
 * identifier, a dollar-quoted body or a comment. psql meta-commands (`\restrict`, `\connect`) are returned as their
 * own "statements" starting with a backslash so the caller can decide about them.
 */
export function splitStatements(text: string): Statement[] {
  const out: Statement[] = [];
  let i = 0;
  let line = 1;
  let start = -1;
  let startLine = 0;
  const n = text.length;
  const advanceTo = (j: number) => {
    for (let k = i; k < j && k < n; k++) if (text.charCodeAt(k) === 10) line++;
    i = j;
  };
  while (i < n) {
    const c = text[i];
    const next = text[i + 1];
    if (c === "-" && next === "-") {
      const end = text.indexOf("\n", i);
      advanceTo(end === -1 ? n : end);
      continue;
    }
    if (c === "/" && next === "*") {
      let depth = 1;
      let j = i + 2;
      while (j < n && depth > 0) {
        if (text[j] === "/" && text[j + 1] === "*") {
          depth++;
          j += 2;
        } else if (text[j] === "*" && text[j + 1] === "/") {
          depth--;
          j += 2;
        } else j++;
      }
      advanceTo(j);
      continue;
    }
    if (start === -1) {
      if (/\s/.test(c)) {
        advanceTo(i + 1);
        continue;
      }
      if (c === "\\") {
        const end = text.indexOf("\n", i);
        const stop = end === -1 ? n : end;
        out.push({ sql: text.slice(i, stop).trim(), line });
        advanceTo(stop);
        continue;
      }
      start = i;
      startLine = line;
    }
    if (c === "'") {
      const escaped = i > 0 && /[eE]/.test(text[i - 1]) && (i < 2 || !/[\w$]/.test(text[i - 2]));
      let j = i + 1;
      while (j < n) {
        if (escaped && text[j] === "\\") j += 2;
        else if (text[j] === "'" && text[j + 1] === "'") j += 2;
        else if (text[j] === "'") break;
        else j++;
      }
      advanceTo(j + 1);
      continue;
    }
    if (c === '"') {
      let j = i + 1;
      while (j < n) {
        if (text[j] === '"' && text[j + 1] === '"') j += 2;
        else if (text[j] === '"') break;
        else j++;
      }
      advanceTo(j + 1);
      continue;
    }
    if (c === "$" && (i === 0 || !/[\w$]/.test(text[i - 1]))) {
      const tag = /^\$([A-Za-z_][A-Za-z0-9_]*)?\$/.exec(text.slice(i, i + 64));
      if (tag) {
        const close = text.indexOf(tag[0], i + tag[0].length);
        advanceTo(close === -1 ? n : close + tag[0].length);
        continue;
      }
    }
    if (c === ";") {
      out.push({ sql: text.slice(start, i + 1), line: startLine });
      start = -1;
      advanceTo(i + 1);
      continue;
    }
    advanceTo(i + 1);
  }
  if (start !== -1 && text.slice(start).trim()) out.push({ sql: text.slice(start).trim(), line: startLine });
  return out;
}

/** What a dump from another PostgreSQL needs before it loads into this one, with the reason shown to the admin. */
const DROPPED: { pattern: RegExp; why: string }[] = [
  // pg_dump 17+ sets it; PostgreSQL before 17 does not know the parameter.
  { pattern: /^SET\s+transaction_timeout\s*=/i, why: "SET transaction_timeout" },
  // Commenting on an extension needs to own it, which an app role that did not create it does not.
  { pattern: /^COMMENT\s+ON\s+EXTENSION\s/i, why: "COMMENT ON EXTENSION" },
  // Owners and grants of the source do not exist here: the importing role owns everything (like pg_restore -O -x).
  { pattern: /^ALTER\s[^;]*\sOWNER\s+TO\s+[^;\s]+;$/i, why: "OWNER TO" },
  { pattern: /^(GRANT|REVOKE)\s/i, why: "GRANT/REVOKE" },
  // pg_dump 18's optimiser statistics: the functions do not exist before 18; ANALYZE rebuilds them.
  { pattern: /^SELECT\s+pg_catalog\.pg_restore_(relation|attribute)_stats\s*\(/i, why: "statistics" },
  { pattern: /^CREATE\s+SCHEMA\s+public\s*;$/i, why: "CREATE SCHEMA public" },
];

/** The statements to run, or a clear error for what a plain-SQL import cannot take. */
export function prepareDump(text: string, file: string): { statements: Statement[]; dropped: number } {
  if (text.startsWith("PGDMP")) {
    throw new DumpError(
      `${file} is a pg_dump archive (custom format), not a plain SQL dump. Restore it with pg_restore (see README, "Backups"), or make one with npm run db:export.`,
    );
  }
  if (!/^--\s*\n-- PostgreSQL database dump\b/m.test(text.slice(0, 2000))) {
    throw new DumpError(`${file} does not look like a plain SQL dump from pg_dump or npm run db:export.`);
  }
  const statements: Statement[] = [];
  let dropped = 0;
  for (const s of splitStatements(text)) {
    if (s.sql.startsWith("\\")) {
      if (/^\\(un)?restrict\s+\w+$/.test(s.sql)) {
        dropped++;
        continue;
      }
      throw new DumpError(`${file}, line ${s.line}: psql command ${s.sql.split(/\s/)[0]} is not supported here.`);
    }
    if (/^COPY\s[^;]*\sFROM\s+stdin;$/is.test(s.sql)) {
      throw new DumpError(
        `${file}, line ${s.line}: the dump uses COPY … FROM stdin. Load such a dump with psql, or make one with npm run db:export (it writes INSERTs).`,
      );
    }
    if (DROPPED.some((d) => d.pattern.test(s.sql))) {
      dropped++;
      continue;
    }
    statements.push(s);
  }
  return { statements, dropped };
}

// ---------------------------------------------------------------------------------------------------------------
// Import

/** What already exists in a database that should be empty: tables, views, sequences, schemas, functions. */
export async function existingObjects(sql: postgres.Sql | postgres.TransactionSql): Promise<string[]> {
  const rows = await sql<{ name: string }[]>`
    SELECT n.nspname || '.' || c.relname AS name
      FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
     WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f')
       AND n.nspname <> 'information_schema' AND n.nspname NOT LIKE 'pg\_%'
       AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d
                        WHERE d.classid = 'pg_catalog.pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e')
    UNION ALL
    SELECT 'schema ' || n.nspname FROM pg_catalog.pg_namespace n
     WHERE n.nspname NOT IN ('public', 'information_schema') AND n.nspname NOT LIKE 'pg\_%'
    UNION ALL
    SELECT 'function ' || n.nspname || '.' || p.proname || '()'
      FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace
     WHERE n.nspname <> 'information_schema' AND n.nspname NOT LIKE 'pg\_%'
       AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d
                        WHERE d.classid = 'pg_catalog.pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e')
    ORDER BY 1`;
  return rows.map((r) => r.name);
}

export interface ImportResult {
  statements: number;
  dropped: number;
  /** Migrations of this app applied after loading, when the dump was of an older version. */
  migrated: string[];
  tables: number;
  rows: number;
}

function errorText(error: unknown): string {
  const e = error as { message?: string; detail?: string };
  return [e.message ?? String(error), e.detail].filter(Boolean).join(" – ");
}

/**
 * Loads a plain SQL dump into the empty PostgreSQL database at `url`, all in one transaction: a failure, a non-empty
 * target or a dump of a newer or different schema leaves the database exactly as it was. A dump of an older version
 * is then brought up to date with this app's migrations, and the state is checked again.
 */
export async function importDump(url: string, file: string): Promise<ImportResult> {
  if (!existsSync(file)) throw new DumpError(`File not found: ${file}`);
  const { statements, dropped } = prepareDump(readFileSync(file, "utf8"), file);
  const app = appMigrations();
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  let state: MigrationState;
  try {
    state = await sql.begin(async (tx) => {
      const existing = await existingObjects(tx);
      if (existing.length > 0) {
        const shown = existing.slice(0, 5).join(", ");
        throw new DumpError(
          `The target database is not empty (${existing.length} objects, e.g. ${shown}). Import only into a new, empty database (createdb …); nothing was changed.`,
        );
      }
      for (const s of statements) {
        try {
          await tx.unsafe(s.sql).simple();
        } catch (error) {
          throw new DumpError(`${file}, line ${s.line}: ${errorText(error)}. Nothing was imported.`);
        }
      }
      const query: Query = async (text, params = []) => (await tx.unsafe(text, params as never[])) as never;
      const found = await migrationState(query, app);
      if (found.kind === "missing") {
        throw new DumpError(
          `${file} has no drizzle.__drizzle_migrations table: it is not a dump of this app's database. Nothing was imported.`,
        );
      }
      if (found.kind === "newer") {
        throw new DumpError(
          `${file} is of a newer schema: it has ${found.unknown} migration(s) this version of the app does not know (the newest from ${found.newest.toISOString().slice(0, 10)}). Upgrade the app, then import again. Nothing was imported.`,
        );
      }
      if (found.kind === "diverged") {
        throw new DumpError(
          `${file} has a different migration history than this app (${found.detail}). Nothing was imported.`,
        );
      }
      return found;
    });
  } finally {
    await sql.end({ timeout: 5 });
  }

  const handle = await openDatabase({ driver: "postgres", url, max: 1 });
  try {
    const migrated = state.kind === "older" ? state.pending.map((m) => m.tag) : [];
    if (migrated.length > 0) await migrateDatabase(handle);
    const after = await migrationState(handle.query, app);
    if (after.kind !== "current") {
      throw new DumpError(`After the import the migration state is "${after.kind}", not current. Check the database.`);
    }
    await handle.query("ANALYZE");
    const counts = await tableRowCounts(handle.query);
    return {
      statements: statements.length,
      dropped,
      migrated,
      tables: Object.keys(counts).length,
      rows: Object.values(counts).reduce((a, b) => a + b, 0),
    };
  } finally {
    await handle.close();
  }
}
