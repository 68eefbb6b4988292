CREATE TABLE "users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"email" text NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_email_unique" UNIQUE("email")
);
--> statement-breakpoint
CREATE TABLE "connections" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"owner_id" uuid NOT NULL,
	"provider" text NOT NULL,
	"label" text NOT NULL,
	"credentials_encrypted" text,
	"config" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"sync_interval_seconds" integer DEFAULT 300 NOT NULL,
	"last_sync_at" timestamp with time zone,
	"last_success_at" timestamp with time zone,
	"consecutive_failures" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "trading_accounts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"owner_id" uuid NOT NULL,
	"connection_id" uuid NOT NULL,
	"account_uid" text NOT NULL,
	"name" text NOT NULL,
	"alias" text,
	"venue" text NOT NULL,
	"kind" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "balances" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"owner_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"asset" text NOT NULL,
	"wallet" text NOT NULL,
	"free" numeric NOT NULL,
	"locked" numeric NOT NULL,
	"total" numeric NOT NULL,
	"sync_batch_id" uuid NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "positions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"owner_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"symbol" text NOT NULL,
	"underlying" text NOT NULL,
	"quote_currency" text NOT NULL,
	"settle_currency" text NOT NULL,
	"instrument_type" text NOT NULL,
	"side" text NOT NULL,
	"quantity" numeric NOT NULL,
	"entry_price" numeric NOT NULL,
	"mark_price" numeric NOT NULL,
	"notional" numeric NOT NULL,
	"unrealized_pnl" numeric NOT NULL,
	"liquidation_price" numeric,
	"leverage" numeric,
	"margin_mode" text,
	"sync_batch_id" uuid NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "fills" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"owner_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"venue_fill_id" text NOT NULL,
	"venue_order_id" text NOT NULL,
	"client_order_id" text,
	"strategy" text,
	"symbol" text NOT NULL,
	"side" text NOT NULL,
	"price" numeric NOT NULL,
	"quantity" numeric NOT NULL,
	"fee" numeric NOT NULL,
	"fee_currency" text NOT NULL,
	"liquidity" text,
	"executed_at" timestamp with time zone NOT NULL,
	"sync_batch_id" uuid NOT NULL,
	"raw" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "order_events" (
	"seq" bigserial PRIMARY KEY NOT NULL,
	"owner_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"order_id" uuid NOT NULL,
	"venue_order_id" text NOT NULL,
	"symbol" text NOT NULL,
	"type" text NOT NULL,
	"status_before" text,
	"status_after" text NOT NULL,
	"quantity_before" numeric,
	"quantity_after" numeric NOT NULL,
	"filled_before" numeric,
	"filled_after" numeric NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"sync_batch_id" uuid NOT NULL,
	"raw" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "orders" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"owner_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"venue_order_id" text NOT NULL,
	"client_order_id" text,
	"symbol" text NOT NULL,
	"side" text NOT NULL,
	"type" text NOT NULL,
	"status" text NOT NULL,
	"price" numeric,
	"quantity" numeric NOT NULL,
	"filled_quantity" numeric NOT NULL,
	"average_price" numeric,
	"venue_created_at" timestamp with time zone NOT NULL,
	"venue_updated_at" timestamp with time zone NOT NULL,
	"last_sync_batch_id" uuid NOT NULL,
	"raw" jsonb
);
--> statement-breakpoint
CREATE TABLE "portfolio_snapshots" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"owner_id" uuid NOT NULL,
	"connection_id" uuid NOT NULL,
	"captured_at" timestamp with time zone NOT NULL,
	"base_currency" text NOT NULL,
	"equity" numeric NOT NULL,
	"spot_value" numeric NOT NULL,
	"funding_value" numeric NOT NULL,
	"futures_wallet_balance" numeric NOT NULL,
	"unrealized_pnl" numeric NOT NULL,
	"margin_debt" numeric NOT NULL,
	"long_exposure" numeric NOT NULL,
	"short_exposure" numeric NOT NULL,
	"gross_exposure" numeric NOT NULL,
	"net_exposure" numeric NOT NULL,
	"leverage" numeric,
	"unpriced_assets" text[] DEFAULT '{}' NOT NULL,
	"sync_batch_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "snapshot_positions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"snapshot_id" uuid NOT NULL,
	"owner_id" uuid NOT NULL,
	"symbol" text NOT NULL,
	"asset" text NOT NULL,
	"kind" text NOT NULL,
	"quantity" numeric NOT NULL,
	"price" numeric NOT NULL,
	"value_base" numeric NOT NULL,
	"notional_base" numeric NOT NULL,
	"weight" numeric,
	"fx_rate" numeric NOT NULL,
	"pnl_pct" numeric
);
--> statement-breakpoint
CREATE TABLE "sync_batches" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"owner_id" uuid NOT NULL,
	"connection_id" uuid NOT NULL,
	"trigger" text NOT NULL,
	"status" text NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone,
	"duration_ms" integer,
	"counts" jsonb,
	"error_kind" text,
	"error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "connections" ADD CONSTRAINT "connections_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trading_accounts" ADD CONSTRAINT "trading_accounts_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trading_accounts" ADD CONSTRAINT "trading_accounts_connection_id_connections_id_fk" FOREIGN KEY ("connection_id") REFERENCES "public"."connections"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "balances" ADD CONSTRAINT "balances_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "balances" ADD CONSTRAINT "balances_account_id_trading_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."trading_accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "balances" ADD CONSTRAINT "balances_sync_batch_id_sync_batches_id_fk" FOREIGN KEY ("sync_batch_id") REFERENCES "public"."sync_batches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "positions" ADD CONSTRAINT "positions_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "positions" ADD CONSTRAINT "positions_account_id_trading_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."trading_accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "positions" ADD CONSTRAINT "positions_sync_batch_id_sync_batches_id_fk" FOREIGN KEY ("sync_batch_id") REFERENCES "public"."sync_batches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fills" ADD CONSTRAINT "fills_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fills" ADD CONSTRAINT "fills_account_id_trading_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."trading_accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fills" ADD CONSTRAINT "fills_sync_batch_id_sync_batches_id_fk" FOREIGN KEY ("sync_batch_id") REFERENCES "public"."sync_batches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_events" ADD CONSTRAINT "order_events_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_events" ADD CONSTRAINT "order_events_account_id_trading_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."trading_accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_events" ADD CONSTRAINT "order_events_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_events" ADD CONSTRAINT "order_events_sync_batch_id_sync_batches_id_fk" FOREIGN KEY ("sync_batch_id") REFERENCES "public"."sync_batches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_account_id_trading_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."trading_accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_last_sync_batch_id_sync_batches_id_fk" FOREIGN KEY ("last_sync_batch_id") REFERENCES "public"."sync_batches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portfolio_snapshots" ADD CONSTRAINT "portfolio_snapshots_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portfolio_snapshots" ADD CONSTRAINT "portfolio_snapshots_connection_id_connections_id_fk" FOREIGN KEY ("connection_id") REFERENCES "public"."connections"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portfolio_snapshots" ADD CONSTRAINT "portfolio_snapshots_sync_batch_id_sync_batches_id_fk" FOREIGN KEY ("sync_batch_id") REFERENCES "public"."sync_batches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "snapshot_positions" ADD CONSTRAINT "snapshot_positions_snapshot_id_portfolio_snapshots_id_fk" FOREIGN KEY ("snapshot_id") REFERENCES "public"."portfolio_snapshots"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "snapshot_positions" ADD CONSTRAINT "snapshot_positions_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sync_batches" ADD CONSTRAINT "sync_batches_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sync_batches" ADD CONSTRAINT "sync_batches_connection_id_connections_id_fk" FOREIGN KEY ("connection_id") REFERENCES "public"."connections"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "connections_owner_idx" ON "connections" USING btree ("owner_id");--> statement-breakpoint
CREATE UNIQUE INDEX "trading_accounts_connection_uid_uq" ON "trading_accounts" USING btree ("connection_id","account_uid");--> statement-breakpoint
CREATE INDEX "trading_accounts_owner_idx" ON "trading_accounts" USING btree ("owner_id");--> statement-breakpoint
CREATE UNIQUE INDEX "balances_account_asset_wallet_uq" ON "balances" USING btree ("account_id","asset","wallet");--> statement-breakpoint
CREATE INDEX "balances_owner_idx" ON "balances" USING btree ("owner_id");--> statement-breakpoint
CREATE UNIQUE INDEX "positions_account_symbol_side_uq" ON "positions" USING btree ("account_id","symbol","side");--> statement-breakpoint
CREATE INDEX "positions_owner_idx" ON "positions" USING btree ("owner_id");--> statement-breakpoint
CREATE UNIQUE INDEX "fills_account_venue_fill_uq" ON "fills" USING btree ("account_id","venue_fill_id");--> statement-breakpoint
CREATE INDEX "fills_owner_executed_idx" ON "fills" USING btree ("owner_id","executed_at");--> statement-breakpoint
CREATE INDEX "order_events_order_idx" ON "order_events" USING btree ("order_id","seq");--> statement-breakpoint
CREATE INDEX "order_events_account_symbol_idx" ON "order_events" USING btree ("account_id","symbol","seq");--> statement-breakpoint
CREATE UNIQUE INDEX "orders_account_venue_order_uq" ON "orders" USING btree ("account_id","venue_order_id");--> statement-breakpoint
CREATE INDEX "orders_owner_status_idx" ON "orders" USING btree ("owner_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "portfolio_snapshots_connection_time_uq" ON "portfolio_snapshots" USING btree ("connection_id","captured_at");--> statement-breakpoint
CREATE INDEX "portfolio_snapshots_owner_time_idx" ON "portfolio_snapshots" USING btree ("owner_id","captured_at");--> statement-breakpoint
CREATE INDEX "snapshot_positions_snapshot_idx" ON "snapshot_positions" USING btree ("snapshot_id");--> statement-breakpoint
CREATE INDEX "sync_batches_connection_started_idx" ON "sync_batches" USING btree ("connection_id","started_at");