-- The audit trail is append-only (等保 2.0 三级). The database itself refuses UPDATE and TRUNCATE of
-- "AuditEvent", and DELETE of rows younger than the retention of 180 days (npm run audit:prune).
-- The function body is an E'' string with each statement terminator written as \073, because
-- prisma migrate deploy splits a migration at every semicolon (see prisma/migrations.test.ts).
CREATE FUNCTION "audit_event_append_only"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  IF TG_OP = ''DELETE'' THEN
    IF OLD."at" < now() - interval ''180 days'' THEN
      RETURN OLD\073
    END IF\073
  END IF\073
  RAISE EXCEPTION ''AuditEvent is append-only: % refused'', TG_OP USING ERRCODE = ''insufficient_privilege''\073
END
';

CREATE TRIGGER "AuditEvent_no_update_delete" BEFORE UPDATE OR DELETE ON "AuditEvent"
  FOR EACH ROW EXECUTE FUNCTION "audit_event_append_only"();

CREATE TRIGGER "AuditEvent_no_truncate" BEFORE TRUNCATE ON "AuditEvent"
  FOR EACH STATEMENT EXECUTE FUNCTION "audit_event_append_only"();

-- 三员分立: the 系统管理员 keeps accounts and orgs only. Role permissions are data that the seed never
-- removes, so the powers the role no longer has are taken away here, and no role keeps two of the three
-- administrator permissions, nor a business role any of them.
DELETE FROM "RolePermission"
  WHERE "role" = 'ADMIN' AND "permission" NOT IN ('org:read', 'user:manage', 'system:admin');
DELETE FROM "RolePermission"
  WHERE "role" IN ('MANAGER', 'CHAIR', 'STAFF')
    AND "permission" IN ('system:admin', 'security:manage', 'audit:read');
DELETE FROM "RolePermission"
  WHERE "role" = 'SECURITY_ADMIN' AND "permission" IN ('system:admin', 'audit:read');
DELETE FROM "RolePermission"
  WHERE "role" = 'AUDITOR' AND "permission" <> 'audit:read';
INSERT INTO "RolePermission" ("role", "permission") VALUES ('SECURITY_ADMIN', 'user:manage')
  ON CONFLICT DO NOTHING;
