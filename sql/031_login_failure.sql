-- Failed resident sign-ins, to stop guessing: five in a quarter hour
-- stop a mobile number, thirty an address, until the oldest of them is
-- a quarter hour old (fcgi/account/account.c). Rows older than that are
-- of no use and are deleted as new failures come in. The number is kept
-- as its keyed hash, as person.phone_hash (fcgi/shared/secret.c), never
-- in clear.
CREATE TABLE person_login_failure (
	id		BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	phone_hash	BINARY(32) NOT NULL,
	ip		VARCHAR(45) NOT NULL,
	created_at	DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
	KEY person_login_failure_phone (phone_hash, created_at),
	KEY person_login_failure_ip (ip, created_at),
	KEY person_login_failure_age (created_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
