CREATE TABLE "retention_marks" (
	"connection_id" uuid PRIMARY KEY NOT NULL,
	"owner_id" uuid NOT NULL,
	"hourly_through" timestamp with time zone NOT NULL,
	"daily_through" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "retention_marks" ADD CONSTRAINT "retention_marks_connection_id_connections_id_fk" FOREIGN KEY ("connection_id") REFERENCES "public"."connections"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "retention_marks" ADD CONSTRAINT "retention_marks_owner_id_workspaces_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."workspaces"("id") ON DELETE no action ON UPDATE no action;