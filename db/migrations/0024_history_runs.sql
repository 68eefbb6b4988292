CREATE TABLE "history_residuals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"owner_id" uuid NOT NULL,
	"connection_id" uuid NOT NULL,
	"day" date NOT NULL,
	"at" text NOT NULL,
	"kind" text NOT NULL,
	"asset" text NOT NULL,
	"quantity" numeric NOT NULL,
	"value_base" numeric,
	"base_currency" text NOT NULL,
	CONSTRAINT "history_residuals_kind" CHECK ("history_residuals"."kind" in ('opening', 'negative-balance', 'unexplained-change')),
	CONSTRAINT "history_residuals_at" CHECK ("history_residuals"."at" in ('start', 'end'))
);
--> statement-breakpoint
CREATE TABLE "history_runs" (
	"owner_id" uuid NOT NULL,
	"connection_id" uuid NOT NULL,
	"outcome" text NOT NULL,
	"ran_at" timestamp with time zone NOT NULL,
	"succeeded_at" timestamp with time zone,
	"days" integer DEFAULT 0 NOT NULL,
	"first_day" date,
	"last_day" date,
	"gap_days" integer DEFAULT 0 NOT NULL,
	"gaps_filled" integer DEFAULT 0 NOT NULL,
	"error" text,
	CONSTRAINT "history_runs_connection_id_pk" PRIMARY KEY("connection_id")
);
--> statement-breakpoint
ALTER TABLE "history_residuals" ADD CONSTRAINT "history_residuals_owner_id_workspaces_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."workspaces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "history_residuals" ADD CONSTRAINT "history_residuals_connection_id_connections_id_fk" FOREIGN KEY ("connection_id") REFERENCES "public"."connections"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "history_runs" ADD CONSTRAINT "history_runs_owner_id_workspaces_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."workspaces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "history_runs" ADD CONSTRAINT "history_runs_connection_id_connections_id_fk" FOREIGN KEY ("connection_id") REFERENCES "public"."connections"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "history_residuals_connection_day_idx" ON "history_residuals" USING btree ("connection_id","day");--> statement-breakpoint
CREATE INDEX "history_residuals_owner_idx" ON "history_residuals" USING btree ("owner_id");--> statement-breakpoint
CREATE INDEX "history_runs_owner_idx" ON "history_runs" USING btree ("owner_id");