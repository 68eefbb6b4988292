-- Deleting a workspace must remove every row it owns, the append-only audit tables included,
-- while those tables stay append-only for everything else. The trigger still refuses every
-- UPDATE and TRUNCATE, and every DELETE except of a row whose workspace the current
-- transaction names in `venuefolio.deleting_workspace` (set_config(..., true): it lasts only
-- until that transaction ends). Only deleteWorkspace (db/queries/workspace-deletion.ts) sets
-- it, in the transaction that removes the workspace itself; another workspace's events and
-- fills stay refused even then. This guards against code and typing mistakes, not against a
-- database superuser, who could drop the trigger anyway.
CREATE OR REPLACE FUNCTION refuse_audit_mutation() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'DELETE' AND TG_LEVEL = 'ROW'
     AND OLD.owner_id::text = current_setting('venuefolio.deleting_workspace', true) THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
