import { databaseTarget } from "@/lib/env";
import { type DatabaseHandle, openDatabase } from "./connect";
import { migrateDatabase } from "./migrate";

type Holder = { promise?: Promise<DatabaseHandle> };
// Cached on globalThis so dev reloads and separately bundled route modules share one connection (and one PGlite).
const globalStore = globalThis as { __wspDb?: Holder };
globalStore.__wspDb ??= {};
const holder = globalStore.__wspDb;

async function start(): Promise<DatabaseHandle> {
  const target = databaseTarget();
  const handle = await openDatabase(target);
  if (target.driver === "pglite") {
    // The embedded trial database prepares itself in this process: PGlite has no lock across processes.
    await migrateDatabase(handle);
    const { seedIfEmpty } = await import("./seed");
    await seedIfEmpty(handle.db);
  }
  return handle;
}

/** The process-wide database handle; connects (and for PGlite migrates and seeds) on first use, never at import. */
export function getDatabase(): Promise<DatabaseHandle> {
  holder.promise ??= start().catch((error) => {
    holder.promise = undefined;
    throw error;
  });
  return holder.promise;
}

export async function getDb() {
  return (await getDatabase()).db;
}

/** Makes `handle` the process-wide database (tests drive route handlers against their own database this way). */
export function provideDatabase(handle: DatabaseHandle): void {
  holder.promise = Promise.resolve(handle);
}
