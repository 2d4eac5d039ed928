import { randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/connect";
import { outboxMessages } from "@/db/schema";
import { rowsOf } from "@/lib/resources/booking-context";
import type { Mailer } from "./transport";

export const DELIVERY = {
  /** Messages one round claims. */
  batch: 20,
  /** How long a claim holds; longer than the SMTP timeouts of a whole batch, so only a dead sender's claim expires. */
  leaseMs: 10 * 60_000,
  /** After this many failed attempts (about a day and a half of back-off) a message is given up as `failed`. */
  maxAttempts: 12,
} as const;

/** Back-off after the n-th failed attempt: 30 s, 1 min, 2 min, … doubling, at most 4 hours. */
export const backoffMs = (attempts: number) => Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 4 * 3_600_000);

/** The Message-ID of an outbox row: the same on every retry, so a receiver can drop a duplicate. */
export const messageIdOf = (id: string, domain: string) => `<${id}@${domain}>`;

interface Claimed {
  id: string;
  to_address: string;
  subject: string;
  text_body: string;
  html_body: string;
  sensitive: boolean;
  attempts: number;
}

/** A permanent refusal (5xx, e.g. an unknown mailbox) is not retried. */
const permanent = (error: unknown) => {
  const code = (error as { responseCode?: unknown })?.responseCode;
  return typeof code === "number" && code >= 500 && code < 600;
};

/**
 * One round of the sender; several instances may run it at once.
 * 1. Claim: in one statement, due rows are locked with `FOR UPDATE SKIP LOCKED` (a row another sender is claiming is
 *    skipped, not waited for) and given a lease (`claimed_until`, `claim_token`) and an attempt. The claim commits at
 *    once, so no transaction stays open while talking to the mail server.
 * 2. Send each message with the Message-ID derived from its row.
 * 3. Record the outcome, only if the claim is still ours: `sent`, or back to `pending` with exponential back-off.
 * A sender that dies after 1 leaves a claim that expires after the lease; another sender then retries the row. If it
 * died after the server accepted the message but before 3, the retry is a duplicate with the same Message-ID.
 */
export async function deliverOutbox(
  db: Db,
  mailer: Mailer,
  options: { from: string; domain: string; now?: Date; batch?: number; leaseMs?: number; maxAttempts?: number },
): Promise<{ sent: number; failed: number }> {
  const now = options.now ?? new Date();
  const lease = new Date(now.getTime() + (options.leaseMs ?? DELIVERY.leaseMs));
  const maxAttempts = options.maxAttempts ?? DELIVERY.maxAttempts;
  const token = randomUUID();
  const at = sql`${now.toISOString()}::timestamptz`;
  const claimed = rowsOf<Claimed>(
    await db.execute(sql`
      update outbox_messages
      set claimed_until = ${lease.toISOString()}::timestamptz, claim_token = ${token}::uuid, attempts = attempts + 1
      where id in (
        select id from outbox_messages
        where status = 'pending' and next_attempt_at <= ${at} and (claimed_until is null or claimed_until <= ${at})
        order by next_attempt_at, created_at
        limit ${options.batch ?? DELIVERY.batch}
        for update skip locked
      )
      returning id, to_address, subject, text_body, html_body, sensitive, attempts`),
  );
  let sent = 0;
  let failed = 0;
  const ours = (id: string) => and(eq(outboxMessages.id, id), eq(outboxMessages.claimToken, token));
  for (const row of claimed) {
    try {
      await mailer.send({
        messageId: messageIdOf(row.id, options.domain),
        from: options.from,
        to: row.to_address,
        subject: row.subject,
        text: row.text_body,
        html: row.html_body,
      });
      await db
        .update(outboxMessages)
        .set({
          status: "sent",
          sentAt: now,
          claimedUntil: null,
          claimToken: null,
          lastError: null,
          // A one-time link has no business staying readable in the database once it has left.
          ...(row.sensitive ? { textBody: "", htmlBody: "" } : {}),
        })
        .where(ours(row.id));
      sent++;
    } catch (error) {
      failed++;
      const giveUp = permanent(error) || row.attempts >= maxAttempts;
      await db
        .update(outboxMessages)
        .set({
          status: giveUp ? "failed" : "pending",
          nextAttemptAt: new Date(now.getTime() + backoffMs(row.attempts)),
          lastError: String((error as Error)?.message ?? error).slice(0, 500),
          claimedUntil: null,
          claimToken: null,
        })
        .where(ours(row.id));
    }
  }
  return { sent, failed };
}
