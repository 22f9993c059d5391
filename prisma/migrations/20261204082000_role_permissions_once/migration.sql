-- The default role to permission table is written once, here, instead of by the seed at every start.
-- The seed re-added any permission a security admin had removed, on every restart. From now on the table
-- belongs to the security admin, and a permission introduced later is granted by its own migration.
INSERT INTO "RolePermission" ("role", "permission") VALUES
  ('ADMIN', 'org:read'),
  ('ADMIN', 'org:manage'),
  ('ADMIN', 'user:manage'),
  ('ADMIN', 'system:admin'),
  ('MANAGER', 'objective:read'),
  ('MANAGER', 'org:read'),
  ('MANAGER', 'user:manage'),
  ('MANAGER', 'task:assign'),
  ('MANAGER', 'task:review'),
  ('MANAGER', 'task:handle'),
  ('MANAGER', 'report:read'),
  ('MANAGER', 'notification:receiveOrg'),
  ('MANAGER', 'org:manage'),
  ('MANAGER', 'plan:manage'),
  ('CHAIR', 'objective:read'),
  ('CHAIR', 'org:read'),
  ('CHAIR', 'user:manage'),
  ('CHAIR', 'task:claim'),
  ('CHAIR', 'task:handle'),
  ('CHAIR', 'task:staff'),
  ('CHAIR', 'progress:log'),
  ('CHAIR', 'notification:receiveOrg'),
  ('STAFF', 'objective:read'),
  ('STAFF', 'org:read'),
  ('STAFF', 'progress:log'),
  ('SECURITY_ADMIN', 'user:manage'),
  ('SECURITY_ADMIN', 'security:manage'),
  ('AUDITOR', 'audit:read')
ON CONFLICT DO NOTHING;
