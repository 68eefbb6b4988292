CREATE TABLE "departments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"owner_id" uuid NOT NULL,
	"name" text NOT NULL,
	"one_token_department_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "portfolios" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"owner_id" uuid NOT NULL,
	"department_id" uuid,
	"connection_id" uuid,
	"name" text NOT NULL,
	"alias" text,
	"data_source" text NOT NULL,
	"external_id" text,
	"base_currency" text NOT NULL,
	"inception_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "valuations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"owner_id" uuid NOT NULL,
	"connection_id" uuid NOT NULL,
	"portfolio_id" uuid,
	"account_id" uuid,
	"series" text NOT NULL,
	"snapshot_id" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"currency" text,
	"net_assets" numeric NOT NULL,
	"nav_per_unit" numeric,
	"gross_return" numeric,
	"net_return" numeric,
	"raw" jsonb,
	"sync_batch_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "trading_accounts" ADD COLUMN "portfolio_id" uuid;--> statement-breakpoint
ALTER TABLE "trading_accounts" ADD COLUMN "balance_usd" numeric;--> statement-breakpoint
ALTER TABLE "departments" ADD CONSTRAINT "departments_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portfolios" ADD CONSTRAINT "portfolios_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portfolios" ADD CONSTRAINT "portfolios_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portfolios" ADD CONSTRAINT "portfolios_connection_id_connections_id_fk" FOREIGN KEY ("connection_id") REFERENCES "public"."connections"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "valuations" ADD CONSTRAINT "valuations_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "valuations" ADD CONSTRAINT "valuations_connection_id_connections_id_fk" FOREIGN KEY ("connection_id") REFERENCES "public"."connections"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "valuations" ADD CONSTRAINT "valuations_portfolio_id_portfolios_id_fk" FOREIGN KEY ("portfolio_id") REFERENCES "public"."portfolios"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "valuations" ADD CONSTRAINT "valuations_account_id_trading_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."trading_accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "valuations" ADD CONSTRAINT "valuations_sync_batch_id_sync_batches_id_fk" FOREIGN KEY ("sync_batch_id") REFERENCES "public"."sync_batches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "departments_owner_onetoken_uq" ON "departments" USING btree ("owner_id","one_token_department_id");--> statement-breakpoint
CREATE INDEX "departments_owner_idx" ON "departments" USING btree ("owner_id");--> statement-breakpoint
CREATE UNIQUE INDEX "portfolios_owner_source_external_uq" ON "portfolios" USING btree ("owner_id","data_source","external_id");--> statement-breakpoint
CREATE INDEX "portfolios_owner_department_idx" ON "portfolios" USING btree ("owner_id","department_id");--> statement-breakpoint
CREATE UNIQUE INDEX "valuations_connection_snapshot_uq" ON "valuations" USING btree ("connection_id","snapshot_id");--> statement-breakpoint
CREATE INDEX "valuations_connection_series_at_idx" ON "valuations" USING btree ("connection_id","series","at");--> statement-breakpoint
CREATE INDEX "valuations_owner_portfolio_at_idx" ON "valuations" USING btree ("owner_id","portfolio_id","at");--> statement-breakpoint
ALTER TABLE "trading_accounts" ADD CONSTRAINT "trading_accounts_portfolio_id_portfolios_id_fk" FOREIGN KEY ("portfolio_id") REFERENCES "public"."portfolios"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "trading_accounts_portfolio_idx" ON "trading_accounts" USING btree ("portfolio_id");