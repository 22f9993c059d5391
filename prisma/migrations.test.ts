import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// `prisma migrate deploy` (the WASM schema engine used here) splits a migration at every
// semicolon, even inside comments and dollar-quoted blocks; the tests apply migrations whole, so
// they would not notice. Keep every migration splittable: no `;` in comments, no DO $$ … $$ blocks.
const dir = path.resolve(import.meta.dirname, "migrations");
const migrations = fs
  .readdirSync(dir)
  .filter((d) => fs.existsSync(path.join(dir, d, "migration.sql")))
  .map((d) => ({ name: d, sql: fs.readFileSync(path.join(dir, d, "migration.sql"), "utf8") }));

describe("migrations survive prisma migrate deploy's statement splitting", () => {
  it.each(migrations)("$name", ({ sql }) => {
    const commentsWithSemicolons = sql.split("\n").filter((l) => /--.*;/.test(l));
    expect(commentsWithSemicolons).toEqual([]);
    expect(sql).not.toMatch(/\$\$|\$[A-Za-z_]+\$/);
  });
});
