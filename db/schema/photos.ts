import { sql } from "drizzle-orm";
import { check, integer, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { resources } from "./resources";
import { users } from "./users";

/**
 * Photos of a resource. The bytes live in the file store (`lib/storage`: a shared folder or an S3-compatible bucket)
 * under `storage_key`; the row is what makes a file visible, so a row is written only after its file and a file is
 * deleted only after its row. The checks repeat the use-case's rules, so no other writer can store what the app
 * would refuse.
 */
export const resourcePhotos = pgTable(
  "resource_photos",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    resourceId: uuid("resource_id")
      .notNull()
      .references(() => resources.id, { onDelete: "cascade" }),
    storageKey: text("storage_key").notNull(),
    /** Sniffed from the bytes when uploaded (never the type the browser declared); the server answers with it. */
    contentType: text("content_type").notNull(),
    byteSize: integer("byte_size").notNull(),
    /** The text alternative (WCAG 1.1.1): what the photo shows, for people who cannot see it. */
    altText: text("alt_text").notNull(),
    /** Order on the resource's page, 1 first; a new photo goes last. */
    position: integer("position").notNull(),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("resource_photos_key_unique").on(t.storageKey),
    // Also the index for "the photos of a resource, in order".
    uniqueIndex("resource_photos_position_unique").on(t.resourceId, t.position),
    check("resource_photos_type", sql`${t.contentType} IN ('image/jpeg', 'image/png', 'image/webp')`),
    check("resource_photos_size", sql`${t.byteSize} BETWEEN 1 AND 5242880`),
    check("resource_photos_alt_length", sql`char_length(${t.altText}) BETWEEN 3 AND 200`),
    check("resource_photos_position_positive", sql`${t.position} >= 1`),
  ],
);
