CREATE TABLE "rebalance_targets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"owner_id" uuid NOT NULL,
	"portfolio_key" text NOT NULL,
	"asset" text NOT NULL,
	"weight" numeric NOT NULL,
	"band" numeric NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "rebalance_targets_weight_range" CHECK ("rebalance_targets"."weight" >= 0 AND "rebalance_targets"."weight" <= 1),
	CONSTRAINT "rebalance_targets_band_range" CHECK ("rebalance_targets"."band" >= 0 AND "rebalance_targets"."band" <= 1)
);
--> statement-breakpoint
ALTER TABLE "rebalance_targets" ADD CONSTRAINT "rebalance_targets_owner_id_workspaces_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."workspaces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rebalance_targets" ADD CONSTRAINT "rebalance_targets_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "rebalance_targets_owner_key_asset_uq" ON "rebalance_targets" USING btree ("owner_id","portfolio_key","asset");