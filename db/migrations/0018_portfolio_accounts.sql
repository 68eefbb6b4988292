CREATE TABLE "portfolio_accounts" (
	"owner_id" uuid NOT NULL,
	"portfolio_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "portfolio_accounts_portfolio_id_account_id_pk" PRIMARY KEY("portfolio_id","account_id")
);
--> statement-breakpoint
ALTER TABLE "portfolio_accounts" ADD CONSTRAINT "portfolio_accounts_owner_id_workspaces_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."workspaces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portfolio_accounts" ADD CONSTRAINT "portfolio_accounts_account_owner_fk" FOREIGN KEY ("account_id","owner_id") REFERENCES "public"."trading_accounts"("id","owner_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "portfolio_accounts_account_idx" ON "portfolio_accounts" USING btree ("account_id");--> statement-breakpoint
CREATE UNIQUE INDEX "portfolios_id_owner_uq" ON "portfolios" USING btree ("id","owner_id");--> statement-breakpoint
CREATE UNIQUE INDEX "portfolios_owner_manual_name_uq" ON "portfolios" USING btree ("owner_id",lower("name")) WHERE "portfolios"."data_source" = 'manual';--> statement-breakpoint
-- hand-written:
ALTER TABLE "portfolio_accounts" ADD CONSTRAINT "portfolio_accounts_portfolio_owner_fk" FOREIGN KEY ("portfolio_id","owner_id") REFERENCES "public"."portfolios"("id","owner_id") ON DELETE cascade ON UPDATE no action;
