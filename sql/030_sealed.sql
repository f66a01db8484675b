-- Personal data sealed at rest (shared/secret.c): every phone number,
-- resident ID number and bank detail gets a sealed column beside it
-- (XChaCha20-Poly1305 under a key kept outside the database: key id,
-- nonce, ciphertext, tag), and a keyed hash where equality is needed
-- (signing in by phone, the UNIQUE keys, a typed number matched). The
-- UNIQUE keys move onto the hashes. The clear columns stay, NULL:
-- `bluecode seal`, which contrib/stack runs after `bluecode migrate`,
-- moves what rows older than this hold into the new columns and empties
-- the old ones. The ID-card photos of aid applications are sealed in
-- place (aid_document.jpeg).

ALTER TABLE person
	ADD phone_enc VARBINARY(96) NULL AFTER phone,
	ADD phone_hash BINARY(32) NULL AFTER phone_enc,
	MODIFY phone CHAR(11) NULL,
	DROP KEY person_phone,
	ADD UNIQUE KEY person_phone_hash (phone_hash);

ALTER TABLE unit_invite
	ADD phone_enc VARBINARY(96) NULL AFTER phone,
	ADD phone_hash BINARY(32) NULL AFTER phone_enc,
	MODIFY phone CHAR(11) NULL,
	DROP KEY unit_invite_phone,
	ADD UNIQUE KEY unit_invite_phone_hash (phone_hash);

ALTER TABLE visit_booking
	ADD phone_enc VARBINARY(96) NULL AFTER phone,
	ADD phone_hash BINARY(32) NULL AFTER phone_enc,
	MODIFY phone CHAR(11) NULL;

ALTER TABLE notice
	ADD phone_enc VARBINARY(96) NULL AFTER phone;

ALTER TABLE hazard
	ADD contact_phone_enc VARBINARY(96) NULL AFTER contact_phone;

ALTER TABLE hazard_addition
	ADD contact_phone_enc VARBINARY(96) NULL AFTER contact_phone;

ALTER TABLE training_booking
	ADD phone_enc VARBINARY(96) NULL AFTER phone,
	ADD phone_hash BINARY(32) NULL AFTER phone_enc,
	MODIFY phone CHAR(11) NULL;

ALTER TABLE aid_application
	ADD applicant_phone_enc VARBINARY(96) NULL AFTER applicant_phone,
	ADD applicant_phone_hash BINARY(32) NULL AFTER applicant_phone_enc,
	ADD applicant_idno_enc VARBINARY(96) NULL AFTER applicant_idno,
	ADD patient_idno_enc VARBINARY(96) NULL AFTER patient_idno,
	ADD bank_name_enc VARBINARY(320) NULL AFTER bank_name,
	ADD account_holder_enc VARBINARY(200) NULL AFTER account_holder,
	ADD account_number_enc VARBINARY(96) NULL AFTER account_number,
	MODIFY applicant_phone CHAR(11) NULL,
	MODIFY applicant_idno CHAR(18) NULL,
	MODIFY patient_idno CHAR(18) NULL,
	MODIFY bank_name VARCHAR(64) NULL,
	MODIFY account_holder VARCHAR(32) NULL,
	MODIFY account_number VARCHAR(30) NULL;
