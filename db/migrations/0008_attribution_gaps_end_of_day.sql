CREATE TABLE "reconciled_positions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"owner_id" uuid NOT NULL,
	"snapshot_id" uuid NOT NULL,
	"symbol" text NOT NULL,
	"strategy" text,
	"kind" text NOT NULL,
	"quantity" numeric NOT NULL,
	"average_cost" numeric,
	"market_price" numeric,
	"market_value" numeric,
	"quote_currency" text NOT NULL,
	"fx_rate" numeric,
	"value_base" numeric,
	"unrealized_pnl" numeric,
	"nav_weight" numeric,
	"pnl_pct" numeric,
	"closed_at_venue" boolean NOT NULL,
	CONSTRAINT "reconciled_positions_snapshot_symbol_strategy_uq" UNIQUE NULLS NOT DISTINCT("snapshot_id","symbol","strategy")
);
--> statement-breakpoint
CREATE TABLE "reconciliation_summaries" (
	"snapshot_id" uuid PRIMARY KEY NOT NULL,
	"owner_id" uuid NOT NULL,
	"connection_id" uuid NOT NULL,
	"captured_at" timestamp with time zone NOT NULL,
	"base_currency" text NOT NULL,
	"equity" numeric NOT NULL,
	"cash" numeric NOT NULL,
	"market_value" numeric NOT NULL,
	"futures_wallet_balance" numeric NOT NULL,
	"margin_debt" numeric NOT NULL,
	"unrealized_pnl" numeric NOT NULL,
	"realized_pnl" numeric NOT NULL,
	"pnl" numeric NOT NULL,
	"strategy_value" numeric NOT NULL,
	"residual_value" numeric NOT NULL,
	"unpriced" text[] DEFAULT '{}' NOT NULL,
	"fills_used" integer NOT NULL,
	"reconciled_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "strategy_equity" (
	"owner_id" uuid NOT NULL,
	"connection_id" uuid NOT NULL,
	"strategy" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"snapshot_id" uuid NOT NULL,
	"realized_pnl" numeric NOT NULL,
	"unrealized_pnl" numeric NOT NULL,
	"pnl" numeric NOT NULL,
	"market_value" numeric NOT NULL,
	"open_positions" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "strategy_equity_connection_id_strategy_at_pk" PRIMARY KEY("connection_id","strategy","at")
);
--> statement-breakpoint
CREATE TABLE "snapshot_gap_checks" (
	"connection_id" uuid PRIMARY KEY NOT NULL,
	"owner_id" uuid NOT NULL,
	"checked_through" timestamp with time zone NOT NULL,
	"checked_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "snapshot_gaps" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"owner_id" uuid NOT NULL,
	"connection_id" uuid NOT NULL,
	"from_at" timestamp with time zone NOT NULL,
	"to_at" timestamp with time zone,
	"detected_at" timestamp with time zone NOT NULL,
	"status" text NOT NULL,
	"backfilled_snapshots" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "end_of_day_snapshots" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"owner_id" uuid NOT NULL,
	"portfolio_id" uuid,
	"day" date NOT NULL,
	"as_of" timestamp with time zone NOT NULL,
	"base_currency" text NOT NULL,
	"equity" numeric NOT NULL,
	"spot_value" numeric NOT NULL,
	"funding_value" numeric NOT NULL,
	"futures_wallet_balance" numeric NOT NULL,
	"unrealized_pnl" numeric NOT NULL,
	"margin_debt" numeric NOT NULL,
	"connections" jsonb NOT NULL,
	"stale_connection_ids" uuid[] DEFAULT '{}' NOT NULL,
	"missing_connection_ids" uuid[] DEFAULT '{}' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "end_of_day_snapshots_owner_portfolio_day_uq" UNIQUE NULLS NOT DISTINCT("owner_id","portfolio_id","day")
);
--> statement-breakpoint
ALTER TABLE "reconciled_positions" ADD CONSTRAINT "reconciled_positions_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reconciled_positions" ADD CONSTRAINT "reconciled_positions_snapshot_id_portfolio_snapshots_id_fk" FOREIGN KEY ("snapshot_id") REFERENCES "public"."portfolio_snapshots"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reconciliation_summaries" ADD CONSTRAINT "reconciliation_summaries_snapshot_id_portfolio_snapshots_id_fk" FOREIGN KEY ("snapshot_id") REFERENCES "public"."portfolio_snapshots"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reconciliation_summaries" ADD CONSTRAINT "reconciliation_summaries_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reconciliation_summaries" ADD CONSTRAINT "reconciliation_summaries_connection_id_connections_id_fk" FOREIGN KEY ("connection_id") REFERENCES "public"."connections"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "strategy_equity" ADD CONSTRAINT "strategy_equity_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "strategy_equity" ADD CONSTRAINT "strategy_equity_connection_id_connections_id_fk" FOREIGN KEY ("connection_id") REFERENCES "public"."connections"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "strategy_equity" ADD CONSTRAINT "strategy_equity_snapshot_id_portfolio_snapshots_id_fk" FOREIGN KEY ("snapshot_id") REFERENCES "public"."portfolio_snapshots"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "snapshot_gap_checks" ADD CONSTRAINT "snapshot_gap_checks_connection_id_connections_id_fk" FOREIGN KEY ("connection_id") REFERENCES "public"."connections"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "snapshot_gap_checks" ADD CONSTRAINT "snapshot_gap_checks_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "snapshot_gaps" ADD CONSTRAINT "snapshot_gaps_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "snapshot_gaps" ADD CONSTRAINT "snapshot_gaps_connection_id_connections_id_fk" FOREIGN KEY ("connection_id") REFERENCES "public"."connections"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "end_of_day_snapshots" ADD CONSTRAINT "end_of_day_snapshots_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "end_of_day_snapshots" ADD CONSTRAINT "end_of_day_snapshots_portfolio_id_portfolios_id_fk" FOREIGN KEY ("portfolio_id") REFERENCES "public"."portfolios"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "reconciled_positions_owner_snapshot_idx" ON "reconciled_positions" USING btree ("owner_id","snapshot_id");--> statement-breakpoint
CREATE INDEX "reconciliation_summaries_owner_connection_time_idx" ON "reconciliation_summaries" USING btree ("owner_id","connection_id","captured_at");--> statement-breakpoint
CREATE INDEX "strategy_equity_owner_strategy_at_idx" ON "strategy_equity" USING btree ("owner_id","strategy","at");--> statement-breakpoint
CREATE UNIQUE INDEX "snapshot_gaps_connection_from_uq" ON "snapshot_gaps" USING btree ("connection_id","from_at");--> statement-breakpoint
CREATE INDEX "snapshot_gaps_owner_from_idx" ON "snapshot_gaps" USING btree ("owner_id","from_at");--> statement-breakpoint
CREATE INDEX "end_of_day_snapshots_owner_day_idx" ON "end_of_day_snapshots" USING btree ("owner_id","day");