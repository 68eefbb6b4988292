CREATE TABLE "audit_checkpoints" (
	"account_id" uuid PRIMARY KEY NOT NULL,
	"owner_id" uuid NOT NULL,
	"last_seq" bigint,
	"head_hash" text NOT NULL,
	"events_verified" integer NOT NULL,
	"status" text NOT NULL,
	"broken_at_seq" bigint,
	"broken_reason" text,
	"broken_detail" text,
	"checked_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "audit_checkpoints" ADD CONSTRAINT "audit_checkpoints_account_id_trading_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."trading_accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_checkpoints" ADD CONSTRAINT "audit_checkpoints_owner_id_workspaces_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."workspaces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_checkpoints_owner_idx" ON "audit_checkpoints" USING btree ("owner_id");--> statement-breakpoint
CREATE INDEX "fills_account_order_idx" ON "fills" USING btree ("account_id","venue_order_id");--> statement-breakpoint
CREATE INDEX "orders_owner_placed_idx" ON "orders" USING btree ("owner_id","venue_created_at","id");--> statement-breakpoint
CREATE INDEX "orders_owner_symbol_placed_idx" ON "orders" USING btree ("owner_id","symbol","venue_created_at","id");