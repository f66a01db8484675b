-- The rows of named locks (fcgi/core/db.c, db_lock): each transaction
-- under a lock writes its row first. MariaDB's GET_LOCK serialises the
-- requests on one server only; a Galera cluster does not replicate it,
-- but it certifies this row, so two transactions under one lock that
-- ran on two nodes cannot both commit (the second gets 1213 and its
-- request runs again). One row an owner of attempts (a person, a
-- browser); n counts the transactions, for nothing but the write. A
-- name holds a browser's identity: bluecode purge removes the rows not
-- used for keep_attempts_days, as it does that identity on attempts.
CREATE TABLE db_claim (
	name		VARCHAR(64) CHARACTER SET ascii NOT NULL PRIMARY KEY,
	n		BIGINT UNSIGNED NOT NULL DEFAULT 0,
	used_at		DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
			    ON UPDATE CURRENT_TIMESTAMP
) ENGINE=InnoDB;
