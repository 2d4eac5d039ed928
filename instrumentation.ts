/**
 * Runs once when a server process starts. On the embedded database it migrates and seeds in this process (PGlite has
 * no lock across processes, so no separate script may touch the folder) and prints the demo logins.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  if (process.env.DATABASE_URL) return; // PostgreSQL is migrated on deploy with `npm run db:migrate`.
  const { getDatabase } = await import("./db/client");
  const { isDemoInstance, printDemoLogins } = await import("./db/seed");
  const handle = await getDatabase();
  if (await isDemoInstance(handle.db)) printDemoLogins();
}
