import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { organisations } from "./organisations";
import { resources } from "./resources";
import { tstzrange } from "./types";
import { users } from "./users";

export const bookingStatus = pgEnum("booking_status", [
  "pending",
  "approved",
  "declined",
  "cancelled",
  "expired",
  "completed",
]);

/** A recurring request: the rule it was made from; its occurrences are ordinary bookings with `series_id`. */
export const bookingSeries = pgTable(
  "booking_series",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    resourceId: uuid("resource_id")
      .notNull()
      .references(() => resources.id, { onDelete: "restrict" }),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "restrict" }),
    userId: uuid("user_id").references(() => users.id, { onDelete: "set null" }),
    rule: jsonb("rule").$type<Record<string, unknown>>().notNull(),
    purpose: text("purpose").notNull().default(""),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("booking_series_org_idx").on(t.organisationId)],
);

export const bookings = pgTable(
  "bookings",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    resourceId: uuid("resource_id")
      .notNull()
      .references(() => resources.id, { onDelete: "restrict" }),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "restrict" }),
    userId: uuid("user_id").references(() => users.id, { onDelete: "set null" }),
    /** Half-open `[start, end)`. */
    period: tstzrange("period").notNull(),
    /**
     * The period plus the resource's buffer after it; the exclusion constraint compares these.
     * Filled by the `bookings_guard_fields` trigger (custom migration), never by the application.
     */
    blockedPeriod: tstzrange("blocked_period").notNull().default(sql`'empty'::tstzrange`),
    /** True when the resource has one unit; set by the trigger. */
    exclusive: boolean("exclusive").notNull().default(true),
    quantity: integer("quantity").notNull().default(1),
    status: bookingStatus("status").notNull().default("pending"),
    purpose: text("purpose").notNull().default(""),
    attendees: integer("attendees"),
    note: text("note"),
    decisionNote: text("decision_note"),
    decidedBy: uuid("decided_by").references(() => users.id, { onDelete: "set null" }),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    idempotencyKey: text("idempotency_key"),
    /** SHA-256 of the request that used the idempotency key: the same key with another body is refused. */
    requestHash: text("request_hash"),
    seriesId: uuid("series_id").references(() => bookingSeries.id, { onDelete: "set null" }),
    cancelledAt: timestamp("cancelled_at", { withTimezone: true }),
    cancelledBy: uuid("cancelled_by").references(() => users.id, { onDelete: "set null" }),
    cancelReason: text("cancel_reason"),
    /** Equipment: when it left the owner and came back, and in what condition. */
    handedOverAt: timestamp("handed_over_at", { withTimezone: true }),
    handedOverBy: uuid("handed_over_by").references(() => users.id, { onDelete: "set null" }),
    returnedAt: timestamp("returned_at", { withTimezone: true }),
    returnedBy: uuid("returned_by").references(() => users.id, { onDelete: "set null" }),
    conditionNote: text("condition_note"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("bookings_resource_idx").on(t.resourceId),
    index("bookings_org_idx").on(t.organisationId),
    index("bookings_series_idx").on(t.seriesId),
    index("bookings_period_idx").using("gist", t.resourceId, t.period),
    // Dates-first search: every booking holding time near a window, across all resources, in one index scan.
    index("bookings_holding_blocked_idx")
      .using("gist", t.blockedPeriod)
      .where(sql`${t.status} IN ('pending', 'approved')`),
    uniqueIndex("bookings_idempotency_key")
      .on(t.organisationId, t.idempotencyKey)
      .where(sql`${t.idempotencyKey} IS NOT NULL`),
    check("bookings_quantity_positive", sql`${t.quantity} >= 1`),
    check(
      "bookings_period_nonempty",
      sql`NOT isempty(${t.period}) AND NOT lower_inf(${t.period}) AND NOT upper_inf(${t.period})`,
    ),
  ],
);
