import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// `prisma migrate deploy` through the driver adapter splits a migration at every ';', comments
// included: a comment with a ';' breaks the production path (db-setup) while the tests, which
// send each file whole, pass. Found when the 考评 migration stopped `npm run db:setup`.
describe("migrations", () => {
  it("have no ';' in a comment", () => {
    const dir = path.join(import.meta.dirname, "migrations");
    const bad = fs
      .readdirSync(dir)
      .filter((d) => fs.existsSync(path.join(dir, d, "migration.sql")))
      .flatMap((d) =>
        fs
          .readFileSync(path.join(dir, d, "migration.sql"), "utf8")
          .split("\n")
          .map((line, i) => ({ where: `${d}:${i + 1}`, line }))
          .filter(({ line }) => /--.*;/.test(line) && line.trimStart().startsWith("--")),
      )
      .map((x) => x.where);
    expect(bad).toEqual([]);
  });
});
