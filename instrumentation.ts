/**
 * Runs once when a server process starts. On the embedded database it migrates and seeds in this process (PGlite has
 * no lock across processes, so no separate script may touch the folder) and prints the demo logins. Every instance
 * also sweeps time-driven booking states each minute; the sweep is idempotent, so several instances may run it.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { getDatabase } = await import("./db/client");
  const { sweepBookings } = await import("./lib/bookings/sweep-bookings");
  if (!process.env.DATABASE_URL) {
    const { isDemoInstance, printDemoLogins } = await import("./db/seed");
    const handle = await getDatabase();
    if (await isDemoInstance(handle.db)) printDemoLogins();
  }
  const sweep = async () => {
    try {
      await sweepBookings((await getDatabase()).db);
    } catch (error) {
      console.error("booking sweep failed", error);
    }
  };
  void sweep();
  setInterval(sweep, 60_000).unref();
}
