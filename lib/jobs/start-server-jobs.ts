/**
 * Runs once when a server process starts. On the embedded database it migrates and seeds in this process (PGlite has
 * no lock across processes, so no separate script may touch the folder) and prints the demo logins. It opens the file
 * store from the environment, so a wrong storage setting fails the start. Every instance
 * also sweeps time-driven booking states each minute; the sweep is idempotent, so several instances may run it.
 */
export async function startServerJobs() {
  const { log } = await import("@/lib/log/logger");
  // A missing or malformed STORAGE_DRIVER / S3_* setting stops the server here, not at the first upload: Next.js
  // would only log a failed instrumentation hook and go on answering every request with an error.
  const { getFileStore } = await import("@/lib/storage");
  try {
    getFileStore();
  } catch (error) {
    log.fatal({ err: error }, "the file storage settings are wrong; stopping");
    process.exit(1);
  }
  const { getDatabase } = await import("@/db/client");
  const { sweepBookings } = await import("@/lib/bookings/sweep-bookings");
  const { sweepNeeds } = await import("@/lib/needs/sweep-needs");
  if (!process.env.DATABASE_URL) {
    const { isDemoInstance, printDemoLogins } = await import("@/db/seed");
    const handle = await getDatabase();
    if (await isDemoInstance(handle.db)) printDemoLogins();
  }
  const sweep = job("sweep", async () => {
    try {
      const { db } = await getDatabase();
      const moved = await sweepBookings(db);
      // Every round at debug level (the two-instance test counts them), rounds that changed something at info.
      log[moved.expired + moved.completed > 0 ? "info" : "debug"](moved, "booking sweep");
      const needs = await sweepNeeds(db);
      if (needs.closed > 0) log.info(needs, "needs sweep");
    } catch (error) {
      log.error({ err: error }, "booking sweep failed");
    }
  });
  void sweep();
  setInterval(sweep, 60_000).unref();
  void startMailJobs(getDatabase).catch((error) => log.error({ err: error }, "mail jobs could not start"));
}

/** Each round of a job writes its log lines under its own id (`job:<name>:<uuid>`), like a request. */
function job(name: string, round: () => Promise<void>): () => Promise<void> {
  return async () => {
    const { withRequestId } = await import("@/lib/log/logger");
    return withRequestId(`job:${name}:${crypto.randomUUID()}`, round);
  };
}

/**
 * Every instance also produces due reminders each minute (idempotent: one key per booking and reminder) and, when
 * SMTP_URL is set, sends the outbox every 30 seconds and right after a use-case commits messages (`nudgeDelivery`).
 * Senders on several instances share the work through `FOR UPDATE SKIP LOCKED` and leases.
 */
async function startMailJobs(getDatabase: typeof import("@/db/client").getDatabase) {
  const { log } = await import("@/lib/log/logger");
  const { produceReminders } = await import("@/lib/notifications/produce-reminders");
  const { mailConfig } = await import("@/lib/mail/config");
  const remind = job("reminders", async () => {
    try {
      const made = await produceReminders((await getDatabase()).db);
      log[made.dayBefore + made.pending + made.unreturned > 0 ? "info" : "debug"](made, "reminders");
    } catch (error) {
      log.error({ err: error }, "reminders failed");
    }
  });
  setTimeout(remind, 5_000).unref();
  setInterval(remind, 60_000).unref();

  const config = mailConfig();
  if (!config.smtpUrl) return;
  const { smtpMailer } = await import("@/lib/mail/transport");
  const { deliverOutbox } = await import("@/lib/mail/deliver-outbox");
  const { onDeliveryNudge } = await import("@/lib/mail/wake");
  const mailer = smtpMailer(config.smtpUrl);
  let running: Promise<void> | null = null;
  let again = false;
  const send = async () => {
    if (running) {
      again = true;
      return running;
    }
    running = job("mail", async () => {
      try {
        do {
          again = false;
          const { sent, failed } = await deliverOutbox((await getDatabase()).db, mailer, config);
          if (sent + failed > 0) log.info({ sent, failed }, "mail delivery");
          // A full batch means more may be waiting.
          if (sent >= 20) again = true;
        } while (again);
      } catch (error) {
        log.error({ err: error }, "mail delivery failed");
      } finally {
        running = null;
      }
    })();
    return running;
  };
  let nudged = false;
  onDeliveryNudge(() => {
    // Soon, after the caller's transaction has surely committed; many nudges make one round.
    if (nudged) return;
    nudged = true;
    setTimeout(() => {
      nudged = false;
      void send();
    }, 250);
  });
  setTimeout(send, 2_000).unref();
  setInterval(send, 30_000).unref();
}
