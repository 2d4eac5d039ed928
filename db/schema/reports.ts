import { sql } from "drizzle-orm";
import { check, date, index, numeric, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { inKindUnit, resources } from "./resources";
import { users } from "./users";

/**
 * What a category rate values: an hour of premises, a day of one unit of equipment, an hour of simple or of
 * specialist volunteer work.
 */
export const rateCategory = pgEnum("rate_category", [
  "premises_hour",
  "equipment_unit_day",
  "volunteer_hour_simple",
  "volunteer_hour_specialist",
]);

/**
 * The partnership's rate cards for valuing in-kind contribution (wkład niefinansowy), in PLN. Each rate holds from
 * `valid_from` until the next rate of the same scope; the scope is one resource (its own rate) or a category.
 * Rows are never edited: a new rate is a new row, so a report for a past period keeps the rates of its time.
 */
export const rateCards = pgTable(
  "rate_cards",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** A resource's own rate; it goes before the rate of the resource's category. */
    resourceId: uuid("resource_id").references(() => resources.id, { onDelete: "cascade" }),
    category: rateCategory("category"),
    amount: numeric("amount", { precision: 10, scale: 2 }).notNull(),
    unit: inKindUnit("unit").notNull(),
    /** A local date (Europe/Warsaw): a booking starting on or after it is valued at this rate. */
    validFrom: date("valid_from").notNull(),
    /** Where the figure comes from (a resolution, a price list, the minimum wage), for the grant application. */
    source: text("source").notNull(),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("rate_cards_resource_idx").on(t.resourceId, t.validFrom),
    uniqueIndex("rate_cards_resource_date_key").on(t.resourceId, t.validFrom).where(sql`${t.resourceId} IS NOT NULL`),
    uniqueIndex("rate_cards_category_date_key").on(t.category, t.validFrom).where(sql`${t.category} IS NOT NULL`),
    check("rate_cards_one_scope", sql`(${t.resourceId} IS NULL) <> (${t.category} IS NULL)`),
    check("rate_cards_amount_nonnegative", sql`${t.amount} >= 0`),
    check("rate_cards_source_nonempty", sql`length(btrim(${t.source})) > 0`),
  ],
);

/**
 * Expertise valued at the specialist volunteer rate (a psychologist, a trainer) instead of the simple one.
 * Set by the coordinator; a resource not listed here is simple work.
 */
export const specialistResources = pgTable("specialist_resources", {
  resourceId: uuid("resource_id")
    .primaryKey()
    .references(() => resources.id, { onDelete: "cascade" }),
  markedBy: uuid("marked_by").references(() => users.id, { onDelete: "set null" }),
  markedAt: timestamp("marked_at", { withTimezone: true }).notNull().defaultNow(),
});
