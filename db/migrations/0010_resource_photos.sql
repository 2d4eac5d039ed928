CREATE TABLE "resource_photos" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"resource_id" uuid NOT NULL,
	"storage_key" text NOT NULL,
	"content_type" text NOT NULL,
	"byte_size" integer NOT NULL,
	"alt_text" text NOT NULL,
	"position" integer NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "resource_photos_type" CHECK ("resource_photos"."content_type" IN ('image/jpeg', 'image/png', 'image/webp')),
	CONSTRAINT "resource_photos_size" CHECK ("resource_photos"."byte_size" BETWEEN 1 AND 5242880),
	CONSTRAINT "resource_photos_alt_length" CHECK (char_length("resource_photos"."alt_text") BETWEEN 3 AND 200),
	CONSTRAINT "resource_photos_position_positive" CHECK ("resource_photos"."position" >= 1)
);
--> statement-breakpoint
ALTER TABLE "resource_photos" ADD CONSTRAINT "resource_photos_resource_id_resources_id_fk" FOREIGN KEY ("resource_id") REFERENCES "public"."resources"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resource_photos" ADD CONSTRAINT "resource_photos_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "resource_photos_key_unique" ON "resource_photos" USING btree ("storage_key");--> statement-breakpoint
CREATE UNIQUE INDEX "resource_photos_position_unique" ON "resource_photos" USING btree ("resource_id","position");