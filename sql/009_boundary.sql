-- Boundaries, in the jurisdiction's coordinate system (jurisdiction.crs):
-- the district/county outline, and street/town polygons loaded with
-- "bluecode geo-import" (official ones, or the approximate samples in
-- sql/geo/).
CREATE TABLE jurisdiction_boundary (
	jurisdiction_id	INT UNSIGNED NOT NULL PRIMARY KEY,
	boundary	GEOMETRY NOT NULL,
	source		VARCHAR(200) NOT NULL,
	SPATIAL INDEX jurisdiction_boundary_shape (boundary),
	CONSTRAINT jb_jurisdiction FOREIGN KEY (jurisdiction_id)
	    REFERENCES jurisdiction (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE region_boundary (
	region_id	INT UNSIGNED NOT NULL PRIMARY KEY,
	boundary	GEOMETRY NOT NULL,
	approximate	TINYINT(1) NOT NULL,
	source		VARCHAR(200) NOT NULL,
	SPATIAL INDEX region_boundary_shape (boundary),
	CONSTRAINT rb_region FOREIGN KEY (region_id) REFERENCES region (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
