/**
 * `npm run db:seed [-- --demo]`: migrates, then adds the demo partnership (idempotent).
 * A production database (NODE_ENV=production, or any DATABASE_URL: a real PostgreSQL) needs `--demo` or SEED_DEMO=true,
 * because every demo account shares one published password.
 */
import { type DatabaseHandle, type DatabaseTarget, openDatabase } from "@/db/connect";
import { migrateDatabase } from "@/db/migrate";
import { DEMO_PASSWORD, printDemoLogins, seedDemo } from "@/db/seed";
import { databaseTarget, isProduction } from "@/lib/env";

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

function oneLine(error: unknown): string {
  const parts: string[] = [];
  for (let e: unknown = error; e && parts.length < 3; e = (e as { cause?: unknown }).cause) {
    parts.push(e instanceof Error ? e.message : String(e));
  }
  return parts.join(" – ").replace(/\s+/g, " ").trim();
}

const demoAllowed = process.argv.slice(2).includes("--demo") || process.env.SEED_DEMO === "true";
const production = isProduction() || Boolean(process.env.DATABASE_URL?.trim());

if (production && !demoAllowed) {
  console.error(
    [
      "Refusing to seed demo data: this looks like a production database (NODE_ENV=production or DATABASE_URL is set).",
      `The demo accounts all share the public password "${DEMO_PASSWORD}", so anyone could sign in.`,
      "If this is a test database, run `npm run db:seed -- --demo` (or set SEED_DEMO=true).",
    ].join("\n"),
  );
  process.exit(1);
}

let handle: DatabaseHandle | undefined;
try {
  const target = databaseTarget();
  console.log(`Database: ${describeTarget(target)}`);
  handle = await openDatabase(target);
  await migrateDatabase(handle);
  const { created } = await seedDemo(handle.db);
  console.log(created ? "Demo data added." : "Demo data is already there; nothing new was added.");
  printDemoLogins();
} catch (error) {
  console.error(`Seeding failed: ${oneLine(error)}`);
  process.exitCode = 1;
} finally {
  await handle?.close().catch(() => {});
}
