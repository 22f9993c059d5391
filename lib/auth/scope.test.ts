import { describe, expect, it } from "vitest";
import { orgInScopeSql, orgScopeWhere, taskInScopeSql, taskScopeWhere, userScopeWhere } from "./scope";

describe("subtree scope", () => {
  it("puts the org into the materialised path for Prisma", () => {
    expect(orgScopeWhere({ orgId: 7 })).toEqual({ ancestorIds: { has: 7 } });
    expect(userScopeWhere({ orgId: 7 })).toEqual({ org: { ancestorIds: { has: 7 } } });
    expect(taskScopeWhere({ orgId: 7 })).toEqual({ orgPath: { has: 7 } });
  });

  it("writes the same condition in SQL with the org id as a parameter", () => {
    const t = taskInScopeSql("t", 7);
    expect(t.sql).toBe(`t."orgPath" @> ARRAY[?::int]`);
    expect(t.values).toEqual([7]);
    const o = orgInScopeSql(`"Org"`, 9);
    expect(o.sql).toBe(`"Org"."ancestorIds" @> ARRAY[?::int]`);
    expect(o.values).toEqual([9]);
  });

  it("refuses anything but an alias", () => {
    expect(() => taskInScopeSql("t; DROP TABLE x", 1)).toThrow();
    expect(() => orgInScopeSql("o.id", 1)).toThrow();
  });
});
