import { desc } from "drizzle-orm";
import type { Db } from "@/db/connect";
import { outboxMessages } from "@/db/schema";
import { type Actor, assertCan } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { mailSendingConfigured } from "./config";

/**
 * The development outbox: the latest messages, readable by the coordinator while no SMTP server is configured (the
 * embedded default). Once mail is sent for real the page is gone, so nobody reads others' one-time links.
 */
export async function listOutbox(db: Db, actor: Actor | null, limit = 50) {
  assertCan(actor, "audit.view");
  if (mailSendingConfigured()) throw new AppError("not_found");
  return db
    .select({
      id: outboxMessages.id,
      to: outboxMessages.toAddress,
      kind: outboxMessages.kind,
      subject: outboxMessages.subject,
      text: outboxMessages.textBody,
      status: outboxMessages.status,
      createdAt: outboxMessages.createdAt,
    })
    .from(outboxMessages)
    .orderBy(desc(outboxMessages.createdAt), desc(outboxMessages.id))
    .limit(Math.min(Math.max(limit, 1), 200));
}
