-- Who receives an org's notifications is a permission (lib/auth/permissions.ts), no longer a
-- list of role names in the code. Grant it to the roles that received them before, so existing
-- databases keep notifying the same people. The seed writes the same rows (skipping duplicates).
INSERT INTO "RolePermission" ("role", "permission")
VALUES ('MANAGER', 'notification:receiveOrg'), ('CHAIR', 'notification:receiveOrg')
ON CONFLICT DO NOTHING;
