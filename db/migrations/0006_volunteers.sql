CREATE TYPE "public"."need_answer_status" AS ENUM('offered', 'accepted', 'declined', 'withdrawn');--> statement-breakpoint
CREATE TYPE "public"."engagement_status" AS ENUM('active', 'cancelled');--> statement-breakpoint
CREATE TYPE "public"."hours_status" AS ENUM('none', 'recorded', 'confirmed', 'disputed');--> statement-breakpoint
CREATE TYPE "public"."need_status" AS ENUM('open', 'filled', 'closed', 'cancelled');--> statement-breakpoint
CREATE TABLE "engagements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"volunteer_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"receiving_organisation_id" uuid NOT NULL,
	"booking_id" uuid,
	"need_answer_id" uuid,
	"title" text NOT NULL,
	"period" "tstzrange" NOT NULL,
	"children_check_required" boolean DEFAULT false NOT NULL,
	"status" "engagement_status" DEFAULT 'active' NOT NULL,
	"hours" numeric(6, 2),
	"hours_status" "hours_status" DEFAULT 'none' NOT NULL,
	"hours_note" text,
	"hours_recorded_by" uuid,
	"hours_recorded_at" timestamp with time zone,
	"hours_decided_by" uuid,
	"hours_decided_at" timestamp with time zone,
	"dispute_note" text,
	"assigned_by" uuid,
	"cancelled_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "engagements_one_source" CHECK (num_nonnulls("engagements"."booking_id", "engagements"."need_answer_id") = 1),
	CONSTRAINT "engagements_hours_range" CHECK ("engagements"."hours" IS NULL OR ("engagements"."hours" > 0 AND "engagements"."hours" <= 744)),
	CONSTRAINT "engagements_period_nonempty" CHECK (NOT isempty("engagements"."period") AND NOT lower_inf("engagements"."period") AND NOT upper_inf("engagements"."period"))
);
--> statement-breakpoint
CREATE TABLE "need_answer_volunteers" (
	"answer_id" uuid NOT NULL,
	"volunteer_id" uuid NOT NULL,
	CONSTRAINT "need_answer_volunteers_answer_id_volunteer_id_pk" PRIMARY KEY("answer_id","volunteer_id")
);
--> statement-breakpoint
CREATE TABLE "need_answers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"need_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"created_by" uuid,
	"note" text DEFAULT '' NOT NULL,
	"status" "need_answer_status" DEFAULT 'offered' NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"decision_note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "need_skills" (
	"need_id" uuid NOT NULL,
	"skill_id" uuid NOT NULL,
	"certificate_required" boolean DEFAULT false NOT NULL,
	CONSTRAINT "need_skills_need_id_skill_id_pk" PRIMARY KEY("need_id","skill_id")
);
--> statement-breakpoint
CREATE TABLE "needs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"created_by" uuid,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"location" text DEFAULT '' NOT NULL,
	"period" "tstzrange" NOT NULL,
	"volunteers_needed" integer DEFAULT 1 NOT NULL,
	"children_check_required" boolean DEFAULT false NOT NULL,
	"status" "need_status" DEFAULT 'open' NOT NULL,
	"closed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "needs_volunteers_positive" CHECK ("needs"."volunteers_needed" BETWEEN 1 AND 1000),
	CONSTRAINT "needs_period_nonempty" CHECK (NOT isempty("needs"."period") AND NOT lower_inf("needs"."period") AND NOT upper_inf("needs"."period"))
);
--> statement-breakpoint
CREATE TABLE "resource_skills" (
	"resource_id" uuid NOT NULL,
	"skill_id" uuid NOT NULL,
	"certificate_required" boolean DEFAULT false NOT NULL,
	CONSTRAINT "resource_skills_resource_id_skill_id_pk" PRIMARY KEY("resource_id","skill_id")
);
--> statement-breakpoint
CREATE TABLE "resource_volunteers" (
	"resource_id" uuid NOT NULL,
	"volunteer_id" uuid NOT NULL,
	CONSTRAINT "resource_volunteers_resource_id_volunteer_id_pk" PRIMARY KEY("resource_id","volunteer_id")
);
--> statement-breakpoint
CREATE TABLE "skills" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "volunteer_qualifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"volunteer_id" uuid NOT NULL,
	"skill_id" uuid NOT NULL,
	"name" text NOT NULL,
	"valid_until" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "volunteer_skills" (
	"volunteer_id" uuid NOT NULL,
	"skill_id" uuid NOT NULL,
	CONSTRAINT "volunteer_skills_volunteer_id_skill_id_pk" PRIMARY KEY("volunteer_id","skill_id")
);
--> statement-breakpoint
CREATE TABLE "volunteers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"user_id" uuid,
	"first_name" text NOT NULL,
	"last_name" text DEFAULT '' NOT NULL,
	"email" text,
	"phone" text,
	"notes" text DEFAULT '' NOT NULL,
	"children_check_on" date,
	"consent_on" date,
	"consent_scope" text DEFAULT '' NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"erased_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "engagements" ADD CONSTRAINT "engagements_volunteer_id_volunteers_id_fk" FOREIGN KEY ("volunteer_id") REFERENCES "public"."volunteers"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "engagements" ADD CONSTRAINT "engagements_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "engagements" ADD CONSTRAINT "engagements_receiving_organisation_id_organisations_id_fk" FOREIGN KEY ("receiving_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "engagements" ADD CONSTRAINT "engagements_booking_id_bookings_id_fk" FOREIGN KEY ("booking_id") REFERENCES "public"."bookings"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "engagements" ADD CONSTRAINT "engagements_need_answer_id_need_answers_id_fk" FOREIGN KEY ("need_answer_id") REFERENCES "public"."need_answers"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "engagements" ADD CONSTRAINT "engagements_hours_recorded_by_users_id_fk" FOREIGN KEY ("hours_recorded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "engagements" ADD CONSTRAINT "engagements_hours_decided_by_users_id_fk" FOREIGN KEY ("hours_decided_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "engagements" ADD CONSTRAINT "engagements_assigned_by_users_id_fk" FOREIGN KEY ("assigned_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "need_answer_volunteers" ADD CONSTRAINT "need_answer_volunteers_answer_id_need_answers_id_fk" FOREIGN KEY ("answer_id") REFERENCES "public"."need_answers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "need_answer_volunteers" ADD CONSTRAINT "need_answer_volunteers_volunteer_id_volunteers_id_fk" FOREIGN KEY ("volunteer_id") REFERENCES "public"."volunteers"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "need_answers" ADD CONSTRAINT "need_answers_need_id_needs_id_fk" FOREIGN KEY ("need_id") REFERENCES "public"."needs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "need_answers" ADD CONSTRAINT "need_answers_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "need_answers" ADD CONSTRAINT "need_answers_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "need_answers" ADD CONSTRAINT "need_answers_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "need_skills" ADD CONSTRAINT "need_skills_need_id_needs_id_fk" FOREIGN KEY ("need_id") REFERENCES "public"."needs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "need_skills" ADD CONSTRAINT "need_skills_skill_id_skills_id_fk" FOREIGN KEY ("skill_id") REFERENCES "public"."skills"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "needs" ADD CONSTRAINT "needs_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "needs" ADD CONSTRAINT "needs_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resource_skills" ADD CONSTRAINT "resource_skills_resource_id_resources_id_fk" FOREIGN KEY ("resource_id") REFERENCES "public"."resources"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resource_skills" ADD CONSTRAINT "resource_skills_skill_id_skills_id_fk" FOREIGN KEY ("skill_id") REFERENCES "public"."skills"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resource_volunteers" ADD CONSTRAINT "resource_volunteers_resource_id_resources_id_fk" FOREIGN KEY ("resource_id") REFERENCES "public"."resources"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resource_volunteers" ADD CONSTRAINT "resource_volunteers_volunteer_id_volunteers_id_fk" FOREIGN KEY ("volunteer_id") REFERENCES "public"."volunteers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volunteer_qualifications" ADD CONSTRAINT "volunteer_qualifications_volunteer_id_volunteers_id_fk" FOREIGN KEY ("volunteer_id") REFERENCES "public"."volunteers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volunteer_qualifications" ADD CONSTRAINT "volunteer_qualifications_skill_id_skills_id_fk" FOREIGN KEY ("skill_id") REFERENCES "public"."skills"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volunteer_skills" ADD CONSTRAINT "volunteer_skills_volunteer_id_volunteers_id_fk" FOREIGN KEY ("volunteer_id") REFERENCES "public"."volunteers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volunteer_skills" ADD CONSTRAINT "volunteer_skills_skill_id_skills_id_fk" FOREIGN KEY ("skill_id") REFERENCES "public"."skills"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volunteers" ADD CONSTRAINT "volunteers_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volunteers" ADD CONSTRAINT "volunteers_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "engagements_volunteer_idx" ON "engagements" USING btree ("volunteer_id");--> statement-breakpoint
CREATE INDEX "engagements_org_idx" ON "engagements" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "engagements_receiving_idx" ON "engagements" USING btree ("receiving_organisation_id");--> statement-breakpoint
CREATE INDEX "engagements_booking_idx" ON "engagements" USING btree ("booking_id");--> statement-breakpoint
CREATE INDEX "engagements_answer_idx" ON "engagements" USING btree ("need_answer_id");--> statement-breakpoint
CREATE INDEX "need_answers_need_idx" ON "need_answers" USING btree ("need_id");--> statement-breakpoint
CREATE UNIQUE INDEX "need_answers_one_live" ON "need_answers" USING btree ("need_id","organisation_id") WHERE "need_answers"."status" IN ('offered', 'accepted');--> statement-breakpoint
CREATE INDEX "needs_org_idx" ON "needs" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "needs_status_idx" ON "needs" USING btree ("status");--> statement-breakpoint
CREATE UNIQUE INDEX "skills_name_unique" ON "skills" USING btree (lower("name"));--> statement-breakpoint
CREATE INDEX "volunteer_qualifications_volunteer_idx" ON "volunteer_qualifications" USING btree ("volunteer_id");--> statement-breakpoint
CREATE INDEX "volunteer_skills_skill_idx" ON "volunteer_skills" USING btree ("skill_id");--> statement-breakpoint
CREATE INDEX "volunteers_org_idx" ON "volunteers" USING btree ("organisation_id");