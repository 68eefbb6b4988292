CREATE TABLE "cash_flow_matches" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"owner_id" uuid NOT NULL,
	"out_flow_id" uuid NOT NULL,
	"in_flow_id" uuid NOT NULL,
	"method" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"matched_by" uuid,
	"undone_at" timestamp with time zone,
	"undone_by" uuid
);
--> statement-breakpoint
CREATE TABLE "cash_flows" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"seq" bigserial NOT NULL,
	"owner_id" uuid NOT NULL,
	"connection_id" uuid NOT NULL,
	"account_id" uuid,
	"portfolio_id" uuid,
	"venue_flow_id" text NOT NULL,
	"kind" text NOT NULL,
	"income_kind" text,
	"asset" text NOT NULL,
	"amount" numeric NOT NULL,
	"value_base" numeric,
	"base_currency" text,
	"price_source" text,
	"occurred_at" timestamp with time zone NOT NULL,
	"status" text NOT NULL,
	"venue_status" text,
	"tx_id" text,
	"network" text,
	"fee" numeric,
	"fee_asset" text,
	"internal_reason" text,
	"counterparty_account_uid" text,
	"source" text NOT NULL,
	"description" text,
	"entered_by" uuid,
	"note" text,
	"reverses_id" uuid,
	"replaces_id" uuid,
	"raw" jsonb,
	"sync_batch_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cash_flows_amount_positive" CHECK ("cash_flows"."amount" > 0),
	CONSTRAINT "cash_flows_holder" CHECK ("cash_flows"."account_id" IS NOT NULL OR "cash_flows"."portfolio_id" IS NOT NULL)
);
--> statement-breakpoint
CREATE TABLE "unit_issues" (
	"owner_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"net_flow" numeric NOT NULL,
	"equity_before" numeric NOT NULL,
	"nav_per_unit" numeric NOT NULL,
	"units_delta" numeric NOT NULL,
	"units_after" numeric NOT NULL,
	"cum_net_flows" numeric NOT NULL,
	"flow_count" integer NOT NULL,
	"cause" text NOT NULL,
	CONSTRAINT "unit_issues_owner_id_at_pk" PRIMARY KEY("owner_id","at")
);
--> statement-breakpoint
ALTER TABLE "equity_rollups" ADD COLUMN "units" numeric;--> statement-breakpoint
ALTER TABLE "equity_rollups" ADD COLUMN "nav_per_unit" numeric;--> statement-breakpoint
ALTER TABLE "equity_rollups" ADD COLUMN "net_flows" numeric;--> statement-breakpoint
ALTER TABLE "equity_rollups" ADD COLUMN "cum_net_flows" numeric;--> statement-breakpoint
ALTER TABLE "cash_flow_matches" ADD CONSTRAINT "cash_flow_matches_owner_id_workspaces_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."workspaces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cash_flow_matches" ADD CONSTRAINT "cash_flow_matches_out_flow_id_cash_flows_id_fk" FOREIGN KEY ("out_flow_id") REFERENCES "public"."cash_flows"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cash_flow_matches" ADD CONSTRAINT "cash_flow_matches_in_flow_id_cash_flows_id_fk" FOREIGN KEY ("in_flow_id") REFERENCES "public"."cash_flows"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cash_flow_matches" ADD CONSTRAINT "cash_flow_matches_matched_by_users_id_fk" FOREIGN KEY ("matched_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cash_flow_matches" ADD CONSTRAINT "cash_flow_matches_undone_by_users_id_fk" FOREIGN KEY ("undone_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cash_flows" ADD CONSTRAINT "cash_flows_owner_id_workspaces_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."workspaces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cash_flows" ADD CONSTRAINT "cash_flows_connection_id_connections_id_fk" FOREIGN KEY ("connection_id") REFERENCES "public"."connections"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cash_flows" ADD CONSTRAINT "cash_flows_account_id_trading_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."trading_accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cash_flows" ADD CONSTRAINT "cash_flows_portfolio_id_portfolios_id_fk" FOREIGN KEY ("portfolio_id") REFERENCES "public"."portfolios"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cash_flows" ADD CONSTRAINT "cash_flows_entered_by_users_id_fk" FOREIGN KEY ("entered_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cash_flows" ADD CONSTRAINT "cash_flows_reverses_id_cash_flows_id_fk" FOREIGN KEY ("reverses_id") REFERENCES "public"."cash_flows"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cash_flows" ADD CONSTRAINT "cash_flows_replaces_id_cash_flows_id_fk" FOREIGN KEY ("replaces_id") REFERENCES "public"."cash_flows"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cash_flows" ADD CONSTRAINT "cash_flows_sync_batch_id_sync_batches_id_fk" FOREIGN KEY ("sync_batch_id") REFERENCES "public"."sync_batches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_issues" ADD CONSTRAINT "unit_issues_owner_id_workspaces_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."workspaces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "cash_flow_matches_pair_uq" ON "cash_flow_matches" USING btree ("out_flow_id","in_flow_id");--> statement-breakpoint
CREATE UNIQUE INDEX "cash_flow_matches_out_live_uq" ON "cash_flow_matches" USING btree ("out_flow_id") WHERE "cash_flow_matches"."undone_at" IS NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "cash_flow_matches_in_live_uq" ON "cash_flow_matches" USING btree ("in_flow_id") WHERE "cash_flow_matches"."undone_at" IS NULL;--> statement-breakpoint
CREATE INDEX "cash_flow_matches_owner_idx" ON "cash_flow_matches" USING btree ("owner_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "cash_flows_account_flow_status_uq" ON "cash_flows" USING btree ("account_id","venue_flow_id","status") WHERE "cash_flows"."account_id" IS NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "cash_flows_portfolio_flow_status_uq" ON "cash_flows" USING btree ("portfolio_id","venue_flow_id","status") WHERE "cash_flows"."account_id" IS NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "cash_flows_reverses_uq" ON "cash_flows" USING btree ("reverses_id") WHERE "cash_flows"."reverses_id" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "cash_flows_owner_time_idx" ON "cash_flows" USING btree ("owner_id","occurred_at");--> statement-breakpoint
CREATE INDEX "cash_flows_owner_tx_idx" ON "cash_flows" USING btree ("owner_id","tx_id") WHERE "cash_flows"."tx_id" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "cash_flows_connection_time_idx" ON "cash_flows" USING btree ("connection_id","occurred_at");--> statement-breakpoint
-- Cash flows are an audit record like order events and fills: corrections are new rows
-- (a reversal, a replacement, a later status), never an edit. The same trigger refuses
-- UPDATE, TRUNCATE and any DELETE but a workspace deletion's (migration 0011).
CREATE TRIGGER cash_flows_append_only
  BEFORE UPDATE OR DELETE ON cash_flows
  FOR EACH ROW EXECUTE FUNCTION refuse_audit_mutation();
--> statement-breakpoint
CREATE TRIGGER cash_flows_no_truncate
  BEFORE TRUNCATE ON cash_flows
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_audit_mutation();
