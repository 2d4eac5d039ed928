/**
 * Runs once when a server process starts. On the embedded database it migrates and seeds in this process (PGlite has
 * no lock across processes, so no separate script may touch the folder) and prints the demo logins. Every instance
 * also sweeps time-driven booking states each minute; the sweep is idempotent, so several instances may run it.
 */
export async function startServerJobs() {
  const { getDatabase } = await import("@/db/client");
  const { sweepBookings } = await import("@/lib/bookings/sweep-bookings");
  if (!process.env.DATABASE_URL) {
    const { isDemoInstance, printDemoLogins } = await import("@/db/seed");
    const handle = await getDatabase();
    if (await isDemoInstance(handle.db)) printDemoLogins();
  }
  const sweep = async () => {
    try {
      await sweepBookings((await getDatabase()).db);
      await (await import("@/lib/needs/sweep-needs")).sweepNeeds((await getDatabase()).db);
    } catch (error) {
      console.error("booking sweep failed", error);
    }
  };
  void sweep();
  setInterval(sweep, 60_000).unref();
  void startMailJobs(getDatabase).catch((error) => console.error("mail jobs could not start", error));
}

/**
 * Every instance also produces due reminders each minute (idempotent: one key per booking and reminder) and, when
 * SMTP_URL is set, sends the outbox every 30 seconds and right after a use-case commits messages (`nudgeDelivery`).
 * Senders on several instances share the work through `FOR UPDATE SKIP LOCKED` and leases.
 */
async function startMailJobs(getDatabase: typeof import("@/db/client").getDatabase) {
  const { produceReminders } = await import("@/lib/notifications/produce-reminders");
  const { mailConfig } = await import("@/lib/mail/config");
  const remind = async () => {
    try {
      await produceReminders((await getDatabase()).db);
    } catch (error) {
      console.error("reminders failed", error);
    }
  };
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
    running = (async () => {
      try {
        do {
          again = false;
          const { sent } = await deliverOutbox((await getDatabase()).db, mailer, config);
          // A full batch means more may be waiting.
          if (sent >= 20) again = true;
        } while (again);
      } catch (error) {
        console.error("mail delivery failed", error);
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
