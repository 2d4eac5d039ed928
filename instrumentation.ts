/**
 * Runs once when a server process starts. The work lives in lib/jobs/start-server-jobs.ts and is imported only for
 * the Node.js runtime, so the Edge bundle of this file (built because of proxy.ts) never sees Node-only modules.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { startServerJobs } = await import("./lib/jobs/start-server-jobs");
    await startServerJobs();
  }
}
