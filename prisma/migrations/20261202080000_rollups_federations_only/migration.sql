-- Branches (GRASSROOTS) keep no roll-up rows any more: their figures are read from their own
-- tasks (features/rollups/server/figures.ts). The federations' rows are unchanged.
DELETE FROM "RollupDue" d USING "Org" o WHERE o.id = d."orgId" AND o.level = 'GRASSROOTS';
DELETE FROM "Rollup" r USING "Org" o WHERE o.id = r."orgId" AND o.level = 'GRASSROOTS';
