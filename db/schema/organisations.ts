import { sql } from "drizzle-orm";
import { boolean, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";

export const organisationKind = pgEnum("organisation_kind", [
  "public_institution",
  "association",
  "foundation",
  "parish",
  "church_charity",
  "humanitarian",
  "entrepreneur",
  "informal_group",
  "other",
]);

export const organisationStatus = pgEnum("organisation_status", ["applicant", "active", "suspended", "left"]);

export const organisations = pgTable(
  "organisations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    slug: text("slug").notNull(),
    name: text("name").notNull(),
    kind: organisationKind("kind").notNull(),
    status: organisationStatus("status").notNull().default("active"),
    /** The leading organisation of the partnership (MOPS); only its members can hold the coordinator role. */
    isLeader: boolean("is_leader").notNull().default(false),
    description: text("description").notNull().default(""),
    contactEmail: text("contact_email"),
    contactPhone: text("contact_phone"),
    website: text("website"),
    address: text("address"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("organisations_slug_key").on(t.slug),
    // At most one leading organisation.
    uniqueIndex("organisations_one_leader").on(t.isLeader).where(sql`${t.isLeader}`),
  ],
);
