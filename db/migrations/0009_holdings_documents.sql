CREATE TABLE "account_holdings" (
	"account_id" uuid PRIMARY KEY NOT NULL,
	"owner_id" uuid NOT NULL,
	"balances" json NOT NULL,
	"positions" json NOT NULL,
	"sync_batch_id" uuid NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "snapshot_holdings" (
	"snapshot_id" uuid PRIMARY KEY NOT NULL,
	"owner_id" uuid NOT NULL,
	"rows" json NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "trading_accounts_id_owner_uq" ON "trading_accounts" USING btree ("id","owner_id");--> statement-breakpoint
ALTER TABLE "account_holdings" ADD CONSTRAINT "account_holdings_sync_batch_id_sync_batches_id_fk" FOREIGN KEY ("sync_batch_id") REFERENCES "public"."sync_batches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "account_holdings" ADD CONSTRAINT "account_holdings_account_owner_fk" FOREIGN KEY ("account_id","owner_id") REFERENCES "public"."trading_accounts"("id","owner_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "snapshot_holdings" ADD CONSTRAINT "snapshot_holdings_snapshot_id_portfolio_snapshots_id_fk" FOREIGN KEY ("snapshot_id") REFERENCES "public"."portfolio_snapshots"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "snapshot_holdings" ADD CONSTRAINT "snapshot_holdings_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- Existing holdings become one document per account, amounts as exact decimal strings.
INSERT INTO "account_holdings" ("account_id", "owner_id", "balances", "positions", "sync_batch_id", "updated_at")
SELECT a.account_id, a.owner_id,
	coalesce((SELECT jsonb_agg(jsonb_build_object('asset', b.asset, 'wallet', b.wallet, 'free', b.free::text,
		'locked', b.locked::text, 'total', b.total::text) ORDER BY b.asset, b.wallet)
		FROM "balances" b WHERE b.account_id = a.account_id), '[]'::jsonb)::json,
	coalesce((SELECT jsonb_agg(jsonb_build_object('symbol', p.symbol, 'underlying', p.underlying,
		'quote_currency', p.quote_currency, 'settle_currency', p.settle_currency, 'instrument_type', p.instrument_type,
		'side', p.side, 'quantity', p.quantity::text, 'entry_price', p.entry_price::text, 'mark_price', p.mark_price::text,
		'notional', p.notional::text, 'unrealized_pnl', p.unrealized_pnl::text, 'liquidation_price', p.liquidation_price::text,
		'leverage', p.leverage::text, 'margin_mode', p.margin_mode) ORDER BY p.symbol, p.side)
		FROM "positions" p WHERE p.account_id = a.account_id), '[]'::jsonb)::json,
	a.sync_batch_id, a.updated_at
FROM (
	SELECT DISTINCT ON (account_id) account_id, owner_id, sync_batch_id, updated_at
	FROM (SELECT account_id, owner_id, sync_batch_id, updated_at FROM "balances"
		UNION ALL SELECT account_id, owner_id, sync_batch_id, updated_at FROM "positions") h
	ORDER BY account_id, updated_at DESC
) a;--> statement-breakpoint
-- Existing snapshot rows become one document per snapshot.
INSERT INTO "snapshot_holdings" ("snapshot_id", "owner_id", "rows")
SELECT sp.snapshot_id, s.owner_id, jsonb_agg(jsonb_build_object(
	'symbol', sp.symbol, 'asset', sp.asset, 'kind', sp.kind,
	'quantity', sp.quantity::text, 'price', sp.price::text, 'valueBase', sp.value_base::text,
	'notionalBase', sp.notional_base::text, 'weight', sp.weight::text, 'fxRate', sp.fx_rate::text,
	'pnlPct', sp.pnl_pct::text) ORDER BY sp.kind DESC, sp.symbol)::json
FROM "snapshot_positions" sp JOIN "portfolio_snapshots" s ON s.id = sp.snapshot_id
GROUP BY sp.snapshot_id, s.owner_id;--> statement-breakpoint
DROP TABLE "balances" CASCADE;--> statement-breakpoint
DROP TABLE "positions" CASCADE;--> statement-breakpoint
DROP TABLE "snapshot_positions" CASCADE;--> statement-breakpoint
CREATE INDEX "account_holdings_owner_idx" ON "account_holdings" USING btree ("owner_id");--> statement-breakpoint
CREATE INDEX "order_events_account_seq_idx" ON "order_events" USING btree ("account_id","seq");--> statement-breakpoint
CREATE VIEW "public"."balances" AS (select h.owner_id, h.account_id, b.asset, b.wallet, b.free, b.locked, b.total, h.sync_batch_id, h.updated_at
    from account_holdings h
    cross join lateral json_to_recordset(h.balances) as b(asset text, wallet text, free numeric, locked numeric, total numeric));--> statement-breakpoint
CREATE VIEW "public"."positions" AS (select h.owner_id, h.account_id, p.symbol, p.underlying, p.quote_currency, p.settle_currency, p.instrument_type,
      p.side, p.quantity, p.entry_price, p.mark_price, p.notional, p.unrealized_pnl, p.liquidation_price, p.leverage,
      p.margin_mode, h.sync_batch_id, h.updated_at
    from account_holdings h
    cross join lateral json_to_recordset(h.positions) as p(symbol text, underlying text, quote_currency text,
      settle_currency text, instrument_type text, side text, quantity numeric, entry_price numeric, mark_price numeric,
      notional numeric, unrealized_pnl numeric, liquidation_price numeric, leverage numeric, margin_mode text));
