-- Several sites can share one database, each serving its own
-- jurisdiction (011). Admins belong to one (003); now every audit entry
-- records the jurisdiction of the site where it happened, so that each
-- office sees its own log, failed sign-ins under unknown names included.
ALTER TABLE audit_log
	ADD COLUMN jurisdiction_id INT UNSIGNED NULL AFTER id,
	ADD KEY audit_jurisdiction (jurisdiction_id, id);

-- Entries of known admins belong to their jurisdiction. Failed sign-ins
-- under unknown names, written before this, name no site: they stay out
-- of every office's list (they remain in the table).
UPDATE audit_log l JOIN admin a ON a.id = l.admin_id
SET l.jurisdiction_id = a.jurisdiction_id;
