-- Jurisdictions (district/county) and their streets/towns (region).
-- A site serves one jurisdiction (conf: jurisdiction = its code); more
-- can live in the same database.
CREATE TABLE jurisdiction (
	id		INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	code		CHAR(6) NOT NULL,		-- division code, e.g. 330109
	name		VARCHAR(32) NOT NULL,		-- 萧山区
	full_name	VARCHAR(64) NOT NULL,		-- 浙江省杭州市萧山区
	committee	VARCHAR(128) NOT NULL,		-- the fire-safety committee office
	crs		ENUM('gcj02', 'wgs84') NOT NULL DEFAULT 'gcj02',
	created_at	DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
	UNIQUE KEY jurisdiction_code (code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE region (
	id		INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	jurisdiction_id	INT UNSIGNED NOT NULL,
	code		VARCHAR(12) NULL,		-- 12-digit statistical code
	name		VARCHAR(32) NOT NULL,
	kind		ENUM('street', 'town', 'zone') NOT NULL,
	population	INT UNSIGNED NOT NULL,		-- resident population
	sort		SMALLINT NOT NULL DEFAULT 0,
	retired		TINYINT(1) NOT NULL DEFAULT 0,
	UNIQUE KEY region_name (jurisdiction_id, name),
	UNIQUE KEY region_code (code),
	CONSTRAINT region_jurisdiction FOREIGN KEY (jurisdiction_id)
	    REFERENCES jurisdiction (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
