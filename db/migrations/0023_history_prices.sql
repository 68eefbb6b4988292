CREATE TABLE "daily_price_coverage" (
	"asset" text NOT NULL,
	"quote" text NOT NULL,
	"source" text NOT NULL,
	"from_day" date NOT NULL,
	"to_day" date NOT NULL,
	CONSTRAINT "daily_price_coverage_asset_quote_source_pk" PRIMARY KEY("asset","quote","source"),
	CONSTRAINT "daily_price_coverage_order" CHECK ("daily_price_coverage"."from_day" <= "daily_price_coverage"."to_day")
);
--> statement-breakpoint
CREATE TABLE "daily_prices" (
	"asset" text NOT NULL,
	"quote" text NOT NULL,
	"source" text NOT NULL,
	"day" date NOT NULL,
	"close" numeric NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "daily_prices_asset_quote_source_day_pk" PRIMARY KEY("asset","quote","source","day"),
	CONSTRAINT "daily_prices_close_positive" CHECK ("daily_prices"."close" > 0)
);
--> statement-breakpoint
ALTER TABLE "portfolio_snapshots" ADD COLUMN "reconstructed" boolean DEFAULT false NOT NULL;--> statement-breakpoint
CREATE INDEX "portfolio_snapshots_owner_reconstructed_idx" ON "portfolio_snapshots" USING btree ("owner_id","captured_at") WHERE "portfolio_snapshots"."reconstructed";