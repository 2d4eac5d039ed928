import { sql } from "drizzle-orm";
import {
  check,
  index,
  integer,
  jsonb,
  numeric,
  pgEnum,
  pgTable,
  smallint,
  text,
  time,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import { organisations } from "./organisations";
import { tstzrange } from "./types";

export const resourceKind = pgEnum("resource_kind", ["premises", "equipment", "expertise"]);
export const bookingMode = pgEnum("booking_mode", ["instant", "approval"]);
export const resourceStatus = pgEnum("resource_status", ["active", "archived"]);
/** What one unit of the in-kind rate buys: an hour of the resource, a day of one unit, or a volunteer hour. */
export const inKindUnit = pgEnum("in_kind_unit", ["hour", "day", "unit_day", "volunteer_hour"]);

export const resources = pgTable(
  "resources",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "restrict" }),
    kind: resourceKind("kind").notNull(),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    location: text("location"),
    /** People the premises can hold. */
    capacity: integer("capacity"),
    /** Units that can be lent at once; 1 makes it a unit resource guarded by the exclusion constraint. */
    quantity: integer("quantity").notNull().default(1),
    bookingMode: bookingMode("booking_mode").notNull().default("approval"),
    minMinutes: integer("min_minutes"),
    maxMinutes: integer("max_minutes"),
    /** How long before the start a request must come. */
    leadMinutes: integer("lead_minutes"),
    /** How far ahead one can book. */
    horizonDays: integer("horizon_days"),
    bufferMinutes: integer("buffer_minutes").notNull().default(0),
    inKindRate: numeric("in_kind_rate", { precision: 10, scale: 2 }),
    inKindUnit: inKindUnit("in_kind_unit"),
    /**
     * The opening hours as one string (`1 07:00 22:00,2 07:00 22:00`, ordered), kept by the trigger on
     * `opening_hours` (migration 0011) for the dates-first search; null when there are none (always open).
     */
    weeklyHours: text("weekly_hours"),
    /** Kind-specific details (accessibility, amenities, condition, requirements …). */
    details: jsonb("details").$type<Record<string, unknown>>().notNull().default({}),
    status: resourceStatus("status").notNull().default("active"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("resources_org_idx").on(t.organisationId),
    check("resources_quantity_positive", sql`${t.quantity} >= 1`),
    check("resources_capacity_positive", sql`${t.capacity} IS NULL OR ${t.capacity} >= 1`),
    check("resources_buffer_nonnegative", sql`${t.bufferMinutes} >= 0`),
    check(
      "resources_min_max",
      sql`${t.minMinutes} IS NULL OR ${t.maxMinutes} IS NULL OR ${t.minMinutes} <= ${t.maxMinutes}`,
    ),
    check("resources_rate_nonnegative", sql`${t.inKindRate} IS NULL OR ${t.inKindRate} >= 0`),
  ],
);

/** Wall-clock intervals in Europe/Warsaw; `24:00` is a valid end. No rows means always open. */
export const openingHours = pgTable(
  "opening_hours",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    resourceId: uuid("resource_id")
      .notNull()
      .references(() => resources.id, { onDelete: "cascade" }),
    /** ISO weekday: 1 = Monday … 7 = Sunday. */
    weekday: smallint("weekday").notNull(),
    startTime: time("start_time").notNull(),
    endTime: time("end_time").notNull(),
  },
  (t) => [
    index("opening_hours_resource_idx").on(t.resourceId),
    check("opening_hours_weekday", sql`${t.weekday} BETWEEN 1 AND 7`),
    check("opening_hours_order", sql`${t.startTime} < ${t.endTime}`),
  ],
);

export const blackouts = pgTable(
  "blackouts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    resourceId: uuid("resource_id")
      .notNull()
      .references(() => resources.id, { onDelete: "cascade" }),
    period: tstzrange("period").notNull(),
    reason: text("reason").notNull().default(""),
  },
  (t) => [index("blackouts_resource_idx").on(t.resourceId)],
);
