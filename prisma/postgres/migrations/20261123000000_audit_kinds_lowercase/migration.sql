-- Audit kinds are stored lower-case so the kind filter ignores case on SQLite and PostgreSQL alike.
UPDATE "AuditEntry" SET "kinds" = lower("kinds");
