import { sql } from "drizzle-orm";
import { boolean, check, index, pgEnum, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { organisationKind, organisations } from "./organisations";
import { users } from "./users";

export const applicationStatus = pgEnum("application_status", ["pending", "accepted", "rejected"]);

/** Applications to join the partnership, sent from the public page and decided by the coordinator. */
export const partnershipApplications = pgTable(
  "partnership_applications",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationName: text("organisation_name").notNull(),
    kind: organisationKind("kind").notNull(),
    contactName: text("contact_name").notNull(),
    contactEmail: text("contact_email").notNull(),
    contactPhone: text("contact_phone"),
    website: text("website"),
    /** What the organisation does. */
    description: text("description").notNull().default(""),
    /** What it can share: premises, equipment, knowledge, volunteers. */
    offers: text("offers").notNull().default(""),
    acceptedAims: boolean("accepted_aims").notNull(),
    /** The language the applicant wrote in; their e-mails use it. */
    locale: text("locale").notNull().default("pl"),
    status: applicationStatus("status").notNull().default("pending"),
    decisionReason: text("decision_reason"),
    decidedBy: uuid("decided_by").references(() => users.id, { onDelete: "set null" }),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    /** The organisation created when the application was accepted. */
    organisationId: uuid("organisation_id").references(() => organisations.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("partnership_applications_status_idx").on(t.status, t.createdAt),
    check("partnership_applications_aims", sql`${t.acceptedAims}`),
  ],
);
