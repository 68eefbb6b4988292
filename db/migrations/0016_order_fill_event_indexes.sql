DROP INDEX "fills_owner_executed_idx";--> statement-breakpoint
DROP INDEX "orders_owner_status_idx";--> statement-breakpoint
CREATE INDEX "fills_owner_executed_id_idx" ON "fills" USING btree ("owner_id","executed_at","id");--> statement-breakpoint
CREATE INDEX "fills_owner_symbol_executed_idx" ON "fills" USING btree ("owner_id","symbol","executed_at","id");--> statement-breakpoint
CREATE INDEX "order_events_owner_symbol_occurred_idx" ON "order_events" USING btree ("owner_id","symbol","occurred_at","seq");--> statement-breakpoint
CREATE INDEX "order_events_owner_occurred_idx" ON "order_events" USING btree ("owner_id","occurred_at","seq");--> statement-breakpoint
CREATE INDEX "orders_owner_status_placed_idx" ON "orders" USING btree ("owner_id","status","venue_created_at","id");--> statement-breakpoint
CREATE INDEX "orders_owner_venue_order_idx" ON "orders" USING btree ("owner_id","venue_order_id");--> statement-breakpoint
CREATE INDEX "orders_owner_client_order_idx" ON "orders" USING btree ("owner_id","client_order_id");--> statement-breakpoint
CREATE INDEX "orders_owner_strategy_placed_idx" ON "orders" USING btree ("owner_id",coalesce(substring(client_order_id from '^([A-Za-z0-9][A-Za-z0-9_-]{0,31}):.'), substring(client_order_id from '^([a-z][a-z0-9]{0,15})X[A-Za-z0-9]+$')),"venue_created_at","id");