ALTER TABLE "order_events" ADD COLUMN "prev_hash" text NOT NULL;--> statement-breakpoint
ALTER TABLE "order_events" ADD COLUMN "hash" text NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "order_events_account_prev_hash_uq" ON "order_events" USING btree ("account_id","prev_hash");