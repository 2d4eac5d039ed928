import path from "node:path";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import type { DatabaseHandle } from "./connect";

export const migrationsFolder = path.join(/* turbopackIgnore: true */ process.cwd(), "db", "migrations");

/** Applies the committed migrations with drizzle-orm's migrator (drizzle-kit's own cannot load btree_gist into PGlite). */
export async function migrateDatabase(handle: DatabaseHandle): Promise<void> {
  const config = { migrationsFolder, migrationsSchema: "drizzle", migrationsTable: "__drizzle_migrations" };
  if (handle.target.driver === "postgres") {
    await migratePostgres(handle.db as never, config);
  } else {
    await migratePglite(handle.db as never, config);
  }
}
