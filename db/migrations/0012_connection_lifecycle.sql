ALTER TABLE "connections" ADD COLUMN "credentials_updated_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "connections" ADD COLUMN "deleted_at" timestamp with time zone;