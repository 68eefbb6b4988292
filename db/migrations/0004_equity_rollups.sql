CREATE TABLE "equity_rollups" (
	"owner_id" uuid NOT NULL,
	"bucket" text NOT NULL,
	"bucket_start" timestamp with time zone NOT NULL,
	"equity" numeric NOT NULL,
	"last_at" timestamp with time zone NOT NULL,
	CONSTRAINT "equity_rollups_owner_id_bucket_bucket_start_pk" PRIMARY KEY("owner_id","bucket","bucket_start")
);
--> statement-breakpoint
ALTER TABLE "equity_rollups" ADD CONSTRAINT "equity_rollups_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;