import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  date,
  index,
  integer,
  numeric,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { bookings } from "./bookings";
import { organisations } from "./organisations";
import { resources } from "./resources";
import { tstzrange } from "./types";
import { users } from "./users";

/** The partnership's shared vocabulary of skills (first aid, self-defence, photography …). */
export const skills = pgTable(
  "skills",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    name: text("name").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("skills_name_unique").on(sql`lower(${t.name})`)],
);

/**
 * A volunteer kept by one organisation; may have no user account. Personal fields (names, contact, notes) are
 * visible to the own organisation only, and to a receiving organisation for the time of an approved engagement.
 * Erasure anonymises them (`erased_at` set) and keeps the engagements, so confirmed hours stay in the totals.
 */
export const volunteers = pgTable(
  "volunteers",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "restrict" }),
    userId: uuid("user_id").references(() => users.id, { onDelete: "set null" }),
    firstName: text("first_name").notNull(),
    lastName: text("last_name").notNull().default(""),
    email: text("email"),
    phone: text("phone"),
    notes: text("notes").notNull().default(""),
    /** The checks required to work with children: the fact and the date only, never a document. */
    childrenCheckOn: date("children_check_on"),
    /** Consent to processing personal data (RODO): when, and for what. */
    consentOn: date("consent_on"),
    consentScope: text("consent_scope").notNull().default(""),
    active: boolean("active").notNull().default(true),
    erasedAt: timestamp("erased_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("volunteers_org_idx").on(t.organisationId)],
);

export const volunteerSkills = pgTable(
  "volunteer_skills",
  {
    volunteerId: uuid("volunteer_id")
      .notNull()
      .references(() => volunteers.id, { onDelete: "cascade" }),
    skillId: uuid("skill_id")
      .notNull()
      .references(() => skills.id, { onDelete: "restrict" }),
  },
  (t) => [primaryKey({ columns: [t.volunteerId, t.skillId] }), index("volunteer_skills_skill_idx").on(t.skillId)],
);

/** A qualification (a first-aid certificate …) certifying one skill, valid until a date (null: does not expire). */
export const volunteerQualifications = pgTable(
  "volunteer_qualifications",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    volunteerId: uuid("volunteer_id")
      .notNull()
      .references(() => volunteers.id, { onDelete: "cascade" }),
    skillId: uuid("skill_id")
      .notNull()
      .references(() => skills.id, { onDelete: "restrict" }),
    name: text("name").notNull(),
    validUntil: date("valid_until"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("volunteer_qualifications_volunteer_idx").on(t.volunteerId)],
);

/**
 * Skill tags of an expertise offer. `certificateRequired`: a volunteer assigned to it needs a qualification for
 * this skill valid on the engagement's last day.
 */
export const resourceSkills = pgTable(
  "resource_skills",
  {
    resourceId: uuid("resource_id")
      .notNull()
      .references(() => resources.id, { onDelete: "cascade" }),
    skillId: uuid("skill_id")
      .notNull()
      .references(() => skills.id, { onDelete: "restrict" }),
    certificateRequired: boolean("certificate_required").notNull().default(false),
  },
  (t) => [primaryKey({ columns: [t.resourceId, t.skillId] })],
);

/** The volunteers who can deliver an expertise offer. */
export const resourceVolunteers = pgTable(
  "resource_volunteers",
  {
    resourceId: uuid("resource_id")
      .notNull()
      .references(() => resources.id, { onDelete: "cascade" }),
    volunteerId: uuid("volunteer_id")
      .notNull()
      .references(() => volunteers.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.resourceId, t.volunteerId] })],
);

export const needStatus = pgEnum("need_status", ["open", "filled", "closed", "cancelled"]);

/** The needs board: a partner asks for volunteers or help, at a time and place. */
export const needs = pgTable(
  "needs",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "restrict" }),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    title: text("title").notNull(),
    description: text("description").notNull().default(""),
    location: text("location").notNull().default(""),
    /** Half-open `[start, end)`. */
    period: tstzrange("period").notNull(),
    volunteersNeeded: integer("volunteers_needed").notNull().default(1),
    childrenCheckRequired: boolean("children_check_required").notNull().default(false),
    status: needStatus("status").notNull().default("open"),
    closedAt: timestamp("closed_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("needs_org_idx").on(t.organisationId),
    index("needs_status_idx").on(t.status),
    check("needs_volunteers_positive", sql`${t.volunteersNeeded} BETWEEN 1 AND 1000`),
    check(
      "needs_period_nonempty",
      sql`NOT isempty(${t.period}) AND NOT lower_inf(${t.period}) AND NOT upper_inf(${t.period})`,
    ),
  ],
);

/** Skills a need asks for; `certificateRequired` as for offers. */
export const needSkills = pgTable(
  "need_skills",
  {
    needId: uuid("need_id")
      .notNull()
      .references(() => needs.id, { onDelete: "cascade" }),
    skillId: uuid("skill_id")
      .notNull()
      .references(() => skills.id, { onDelete: "restrict" }),
    certificateRequired: boolean("certificate_required").notNull().default(false),
  },
  (t) => [primaryKey({ columns: [t.needId, t.skillId] })],
);

export const answerStatus = pgEnum("need_answer_status", ["offered", "accepted", "declined", "withdrawn"]);

/** A partner's answer to a need, naming its volunteers. One live answer per partner and need. */
export const needAnswers = pgTable(
  "need_answers",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    needId: uuid("need_id")
      .notNull()
      .references(() => needs.id, { onDelete: "cascade" }),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "restrict" }),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    note: text("note").notNull().default(""),
    status: answerStatus("status").notNull().default("offered"),
    decidedBy: uuid("decided_by").references(() => users.id, { onDelete: "set null" }),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    decisionNote: text("decision_note"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("need_answers_need_idx").on(t.needId),
    uniqueIndex("need_answers_one_live")
      .on(t.needId, t.organisationId)
      .where(sql`${t.status} IN ('offered', 'accepted')`),
  ],
);

export const needAnswerVolunteers = pgTable(
  "need_answer_volunteers",
  {
    answerId: uuid("answer_id")
      .notNull()
      .references(() => needAnswers.id, { onDelete: "cascade" }),
    volunteerId: uuid("volunteer_id")
      .notNull()
      .references(() => volunteers.id, { onDelete: "restrict" }),
  },
  (t) => [primaryKey({ columns: [t.answerId, t.volunteerId] })],
);

export const engagementStatus = pgEnum("engagement_status", ["active", "cancelled"]);
export const hoursStatus = pgEnum("hours_status", ["none", "recorded", "confirmed", "disputed"]);

/**
 * One volunteer's part in one piece of work for a receiving organisation: from an approved request for an offer
 * (`booking_id`) or an accepted answer to a need (`need_answer_id`). The exclusion constraint (custom migration)
 * keeps a volunteer out of two active engagements that overlap.
 */
export const engagements = pgTable(
  "engagements",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    volunteerId: uuid("volunteer_id")
      .notNull()
      .references(() => volunteers.id, { onDelete: "restrict" }),
    /** The volunteer's organisation: it records the hours. */
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "restrict" }),
    /** The organisation the work is for: it confirms or disputes the hours. */
    receivingOrganisationId: uuid("receiving_organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "restrict" }),
    bookingId: uuid("booking_id").references(() => bookings.id, { onDelete: "restrict" }),
    needAnswerId: uuid("need_answer_id").references(() => needAnswers.id, { onDelete: "restrict" }),
    title: text("title").notNull(),
    period: tstzrange("period").notNull(),
    childrenCheckRequired: boolean("children_check_required").notNull().default(false),
    status: engagementStatus("status").notNull().default("active"),
    hours: numeric("hours", { precision: 6, scale: 2 }),
    hoursStatus: hoursStatus("hours_status").notNull().default("none"),
    hoursNote: text("hours_note"),
    hoursRecordedBy: uuid("hours_recorded_by").references(() => users.id, { onDelete: "set null" }),
    hoursRecordedAt: timestamp("hours_recorded_at", { withTimezone: true }),
    hoursDecidedBy: uuid("hours_decided_by").references(() => users.id, { onDelete: "set null" }),
    hoursDecidedAt: timestamp("hours_decided_at", { withTimezone: true }),
    disputeNote: text("dispute_note"),
    assignedBy: uuid("assigned_by").references(() => users.id, { onDelete: "set null" }),
    cancelledAt: timestamp("cancelled_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("engagements_volunteer_idx").on(t.volunteerId),
    index("engagements_org_idx").on(t.organisationId),
    index("engagements_receiving_idx").on(t.receivingOrganisationId),
    index("engagements_booking_idx").on(t.bookingId),
    index("engagements_answer_idx").on(t.needAnswerId),
    check("engagements_one_source", sql`num_nonnulls(${t.bookingId}, ${t.needAnswerId}) = 1`),
    check("engagements_hours_range", sql`${t.hours} IS NULL OR (${t.hours} > 0 AND ${t.hours} <= 744)`),
    check(
      "engagements_period_nonempty",
      sql`NOT isempty(${t.period}) AND NOT lower_inf(${t.period}) AND NOT upper_inf(${t.period})`,
    ),
  ],
);

export type HoursStatus = (typeof hoursStatus.enumValues)[number];
export type NeedStatus = (typeof needStatus.enumValues)[number];
export type AnswerStatus = (typeof answerStatus.enumValues)[number];
