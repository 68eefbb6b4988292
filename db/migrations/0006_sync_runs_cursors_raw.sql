CREATE TABLE "sync_cursors" (
	"connection_id" uuid NOT NULL,
	"stream" text NOT NULL,
	"owner_id" uuid NOT NULL,
	"cursor_at" timestamp with time zone NOT NULL,
	"updated_batch_id" uuid NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "sync_cursors_connection_id_stream_pk" PRIMARY KEY("connection_id","stream")
);
--> statement-breakpoint
CREATE TABLE "sync_raw_responses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"batch_id" uuid NOT NULL,
	"connection_id" uuid NOT NULL,
	"owner_id" uuid NOT NULL,
	"endpoint" text NOT NULL,
	"captured_at" timestamp with time zone NOT NULL,
	"body" jsonb NOT NULL,
	"bytes" integer NOT NULL,
	"truncated" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
ALTER TABLE "connections" ADD COLUMN "failing_since" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "connections" ADD COLUMN "status_set_by_policy_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "sync_batches" ADD COLUMN "mode" text;--> statement-breakpoint
ALTER TABLE "sync_batches" ADD COLUMN "api_calls" integer;--> statement-breakpoint
ALTER TABLE "sync_batches" ADD COLUMN "api_usage" jsonb;--> statement-breakpoint
ALTER TABLE "sync_batches" ADD COLUMN "failed_streams" jsonb;--> statement-breakpoint
ALTER TABLE "sync_cursors" ADD CONSTRAINT "sync_cursors_connection_id_connections_id_fk" FOREIGN KEY ("connection_id") REFERENCES "public"."connections"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sync_cursors" ADD CONSTRAINT "sync_cursors_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sync_cursors" ADD CONSTRAINT "sync_cursors_updated_batch_id_sync_batches_id_fk" FOREIGN KEY ("updated_batch_id") REFERENCES "public"."sync_batches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sync_raw_responses" ADD CONSTRAINT "sync_raw_responses_batch_id_sync_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."sync_batches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sync_raw_responses" ADD CONSTRAINT "sync_raw_responses_connection_id_connections_id_fk" FOREIGN KEY ("connection_id") REFERENCES "public"."connections"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sync_raw_responses" ADD CONSTRAINT "sync_raw_responses_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "sync_raw_responses_batch_idx" ON "sync_raw_responses" USING btree ("batch_id");--> statement-breakpoint
CREATE INDEX "sync_raw_responses_connection_captured_idx" ON "sync_raw_responses" USING btree ("connection_id","captured_at");--> statement-breakpoint
CREATE INDEX "sync_batches_open_started_idx" ON "sync_batches" USING btree ("started_at") WHERE status in ('queued', 'running');