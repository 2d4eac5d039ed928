import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { type DatabaseHandle, openDatabase } from "@/db/connect";
import { migrateDatabase } from "@/db/migrate";

/** Which database the integration suite runs on: PostgreSQL when DATABASE_URL is set, else PGlite in memory. */
export const testDriver = process.env.DATABASE_URL ? "postgres" : "pglite";

/**
 * A fresh, migrated database for one test file: an in-memory PGlite, or a new database on the PostgreSQL server
 * that DATABASE_URL names (dropped again by `close`). Tests never share data and never touch `.data/`.
 */
export async function createTestDatabase(): Promise<DatabaseHandle> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    const handle = await openDatabase({ driver: "pglite" });
    await migrateDatabase(handle);
    return handle;
  }
  // TEST_DB_PREFIX: where several people share one server, each keeps to their own database names.
  const prefix = /^[a-z_][a-z0-9_]*$/.test(process.env.TEST_DB_PREFIX ?? "") ? process.env.TEST_DB_PREFIX : "wsp_test_";
  const name = `${prefix}${Date.now().toString(36)}_${randomBytes(4).toString("hex")}`;
  const admin = postgres(url, { max: 1, onnotice: () => {} });
  await admin.unsafe(`CREATE DATABASE ${name}`);
  await admin.end();
  const target = new URL(url);
  target.pathname = `/${name}`;
  const handle = await openDatabase({ driver: "postgres", url: target.toString(), max: 60 });
  await migrateDatabase(handle);
  return {
    ...handle,
    async close() {
      await handle.close();
      const cleanup = postgres(url, { max: 1, onnotice: () => {} });
      await cleanup.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await cleanup.end();
    },
  };
}
