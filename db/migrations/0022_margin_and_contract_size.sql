ALTER TABLE "fills" ADD COLUMN "contract_size" numeric;--> statement-breakpoint
ALTER TABLE "portfolio_snapshots" ADD COLUMN "margin_used" numeric;--> statement-breakpoint
ALTER TABLE "portfolio_snapshots" ADD COLUMN "margin_available" numeric;--> statement-breakpoint
ALTER TABLE "portfolio_snapshots" ADD COLUMN "margin_detail" json;