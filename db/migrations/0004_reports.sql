CREATE TYPE "public"."rate_category" AS ENUM('premises_hour', 'equipment_unit_day', 'volunteer_hour_simple', 'volunteer_hour_specialist');--> statement-breakpoint
CREATE TABLE "rate_cards" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"resource_id" uuid,
	"category" "rate_category",
	"amount" numeric(10, 2) NOT NULL,
	"unit" "in_kind_unit" NOT NULL,
	"valid_from" date NOT NULL,
	"source" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "rate_cards_one_scope" CHECK (("rate_cards"."resource_id" IS NULL) <> ("rate_cards"."category" IS NULL)),
	CONSTRAINT "rate_cards_amount_nonnegative" CHECK ("rate_cards"."amount" >= 0),
	CONSTRAINT "rate_cards_source_nonempty" CHECK (length(btrim("rate_cards"."source")) > 0)
);
--> statement-breakpoint
CREATE TABLE "specialist_resources" (
	"resource_id" uuid PRIMARY KEY NOT NULL,
	"marked_by" uuid,
	"marked_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "rate_cards" ADD CONSTRAINT "rate_cards_resource_id_resources_id_fk" FOREIGN KEY ("resource_id") REFERENCES "public"."resources"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rate_cards" ADD CONSTRAINT "rate_cards_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "specialist_resources" ADD CONSTRAINT "specialist_resources_resource_id_resources_id_fk" FOREIGN KEY ("resource_id") REFERENCES "public"."resources"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "specialist_resources" ADD CONSTRAINT "specialist_resources_marked_by_users_id_fk" FOREIGN KEY ("marked_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "rate_cards_resource_idx" ON "rate_cards" USING btree ("resource_id","valid_from");--> statement-breakpoint
CREATE UNIQUE INDEX "rate_cards_resource_date_key" ON "rate_cards" USING btree ("resource_id","valid_from") WHERE "rate_cards"."resource_id" IS NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "rate_cards_category_date_key" ON "rate_cards" USING btree ("category","valid_from") WHERE "rate_cards"."category" IS NOT NULL;