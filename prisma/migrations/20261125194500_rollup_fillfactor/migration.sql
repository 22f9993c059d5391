-- Counter updates of the roll-ups and task updates stay on their page (HOT) when the page has room,
-- so one org's roll-up rows stay together and task updates skip most index writes.
ALTER TABLE "Rollup" SET (fillfactor = 70);
ALTER TABLE "RollupDue" SET (fillfactor = 80);
ALTER TABLE "Task" SET (fillfactor = 90);
