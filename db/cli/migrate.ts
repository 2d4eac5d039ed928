/** `npm run db:migrate`: applies the committed migrations to the configured database. */
import { type DatabaseHandle, type DatabaseTarget, openDatabase } from "@/db/connect";
import { migrateDatabase } from "@/db/migrate";
import { databaseTarget } from "@/lib/env";

function describeTarget(target: DatabaseTarget): string {
  if (target.driver === "pglite") return `PGlite in ${target.dataDir ?? "memory"}`;
  try {
    const url = new URL(target.url);
    if (url.password) url.password = "****";
    return `PostgreSQL at ${url.toString()}`;
  } catch {
    return "PostgreSQL (DATABASE_URL could not be parsed)";
  }
}

/** One line: drizzle wraps driver errors, the useful part is often in `cause`. */
function oneLine(error: unknown): string {
  const parts: string[] = [];
  for (let e: unknown = error; e && parts.length < 3; e = (e as { cause?: unknown }).cause) {
    parts.push(e instanceof Error ? e.message : String(e));
  }
  return parts.join(" – ").replace(/\s+/g, " ").trim();
}

let handle: DatabaseHandle | undefined;
try {
  const target = databaseTarget();
  console.log(`Migrating ${describeTarget(target)} …`);
  handle = await openDatabase(target);
  await migrateDatabase(handle);
  console.log("Migrations applied.");
} catch (error) {
  console.error(`Migration failed: ${oneLine(error)}`);
  process.exitCode = 1;
} finally {
  await handle?.close().catch(() => {});
}
