import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import { bookings } from "./bookings";
import { organisations } from "./organisations";
import { users } from "./users";

export const outboxStatus = pgEnum("outbox_status", ["pending", "sent", "failed"]);

/**
 * E-mails waiting to leave (the transactional outbox). A row is written in the same transaction as the event that
 * causes it; senders claim due rows with `FOR UPDATE SKIP LOCKED` and a lease (`claimed_until`), so several instances
 * never send a row at once and a crashed sender's claim expires. The Message-ID is derived from `id`, so a retry of
 * the same row carries the same Message-ID.
 */
export const outboxMessages = pgTable(
  "outbox_messages",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** The recipient's account, when there is one (applicants and invitees have none yet). */
    userId: uuid("user_id").references(() => users.id, { onDelete: "set null" }),
    toAddress: text("to_address").notNull(),
    /** The template it was rendered from, e.g. `booking_request`. */
    kind: text("kind").notNull(),
    locale: text("locale").notNull().default("pl"),
    subject: text("subject").notNull(),
    textBody: text("text_body").notNull(),
    htmlBody: text("html_body").notNull(),
    /** Holds a one-time link (invitation, password reset): the bodies are blanked once the message is sent. */
    sensitive: boolean("sensitive").notNull().default(false),
    status: outboxStatus("status").notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }).notNull().defaultNow(),
    /** While in the future, a sender holds this row; after it, the claim has expired and another may take it. */
    claimedUntil: timestamp("claimed_until", { withTimezone: true }),
    /** Which claim holds the row, so a sender whose lease expired cannot record an outcome over a newer claim. */
    claimToken: uuid("claim_token"),
    lastError: text("last_error"),
    sentAt: timestamp("sent_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("outbox_due_idx").on(t.nextAttemptAt).where(sql`${t.status} = 'pending'`),
    index("outbox_created_idx").on(t.createdAt),
    check("outbox_attempts_nonnegative", sql`${t.attempts} >= 0`),
  ],
);

/** In-app notifications, one row per person; the text is rendered from `kind` and `params` in the reader's language. */
export const notifications = pgTable(
  "notifications",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** The organisation the notice concerns, on the recipient's side (a person may belong to several). */
    organisationId: uuid("organisation_id").references(() => organisations.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    bookingId: uuid("booking_id").references(() => bookings.id, { onDelete: "cascade" }),
    params: jsonb("params").$type<Record<string, string | number | null>>().notNull().default({}),
    /** A path inside the app, e.g. `/bookings/<id>`. */
    link: text("link"),
    readAt: timestamp("read_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("notifications_user_created_idx").on(t.userId, t.createdAt),
    index("notifications_unread_idx").on(t.userId).where(sql`${t.readAt} IS NULL`),
  ],
);

/**
 * Which reminder was already produced for which booking. The primary key makes the reminder job idempotent: with two
 * instances running it at once, the second insert of a key waits for the first and then does nothing.
 */
export const bookingReminders = pgTable(
  "booking_reminders",
  {
    bookingId: uuid("booking_id")
      .notNull()
      .references(() => bookings.id, { onDelete: "cascade" }),
    /** `day_before`, `pending_48h` or `not_returned`. */
    kind: text("kind").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.bookingId, t.kind] })],
);

/** Rate-limited public actions (password reset, applications): one row per attempt, counted in a sliding window. */
export const rateLimitHits = pgTable(
  "rate_limit_hits",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** `reset:<email>`, `reset-ip:<address>`, `apply-ip:<address>` … */
    key: text("key").notNull(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("rate_limit_hits_key_at_idx").on(t.key, t.at)],
);

/** Password reset links: only the SHA-256 of the token is stored; each expires after an hour and works once. */
export const passwordResetTokens = pgTable(
  "password_reset_tokens",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    tokenHash: text("token_hash").notNull().unique("password_reset_tokens_hash_key"),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("password_reset_tokens_user_idx").on(t.userId)],
);
