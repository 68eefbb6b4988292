-- The audit trail is append-only, and the database itself enforces it: no code path,
-- migration mistake or hand-typed psql session can rewrite or drop recorded history.
CREATE OR REPLACE FUNCTION refuse_audit_mutation() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER order_events_append_only
  BEFORE UPDATE OR DELETE ON order_events
  FOR EACH ROW EXECUTE FUNCTION refuse_audit_mutation();
--> statement-breakpoint
CREATE TRIGGER order_events_no_truncate
  BEFORE TRUNCATE ON order_events
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_audit_mutation();
--> statement-breakpoint
CREATE TRIGGER fills_append_only
  BEFORE UPDATE OR DELETE ON fills
  FOR EACH ROW EXECUTE FUNCTION refuse_audit_mutation();
--> statement-breakpoint
CREATE TRIGGER fills_no_truncate
  BEFORE TRUNCATE ON fills
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_audit_mutation();
