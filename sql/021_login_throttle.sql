-- Sign-in throttling: failed sign-ins are audit entries ('login-failed',
-- the login typed as the object, the client's address); counting the
-- last quarter of an hour's by account and by address wants these.
ALTER TABLE audit_log
	ADD KEY audit_failed_login (action, object, created_at),
	ADD KEY audit_failed_ip (action, ip, created_at);
