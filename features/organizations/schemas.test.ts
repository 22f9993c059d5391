import { describe, expect, it } from "vitest";
import { ZCloseOrg, ZMergeOrg, ZMoveOrg, ZRenameOrg } from "./schemas";

const issues = (r: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  r.success ? [] : r.error!.issues.map((i) => `${i.path.join(".")}:${i.message}`);

describe("tree change schemas (shared by the dialogs and the actions)", () => {
  it("a name is 2–60 clean characters, trimmed", () => {
    expect(ZRenameOrg.parse({ orgId: 1, name: "  新名称工会 " }).name).toBe("新名称工会");
    expect(issues(ZRenameOrg.safeParse({ orgId: 1, name: "新" }))).toEqual(["name:orgName"]);
    expect(issues(ZRenameOrg.safeParse({ orgId: 1, name: "坏\u0000名" }))).toEqual(["name:text"]);
  });

  it("the open tasks need an explicit choice, and cancelling needs a reason", () => {
    expect(issues(ZMoveOrg.safeParse({ orgId: 1, parentId: 2 }))).toEqual(["tasks:required"]);
    expect(issues(ZMoveOrg.safeParse({ orgId: 1, tasks: "transfer" }))).toEqual(["parentId:required"]);
    expect(issues(ZMergeOrg.safeParse({ orgId: 1, intoId: 2, tasks: "cancel", reason: " " }))).toEqual([
      "reason:reasonRequired",
    ]);
    expect(ZMergeOrg.safeParse({ orgId: 1, intoId: 2, tasks: "transfer" }).success).toBe(true);
  });

  it("closing needs a reason, and a successor when the tasks are transferred", () => {
    expect(issues(ZCloseOrg.safeParse({ orgId: 1, reason: "", tasks: "cancel" }))).toEqual([
      "reason:reasonRequired",
    ]);
    expect(issues(ZCloseOrg.safeParse({ orgId: 1, reason: "企业注销", tasks: "transfer" }))).toEqual([
      "successorId:successorRequired",
    ]);
    expect(
      ZCloseOrg.safeParse({ orgId: 1, reason: "企业注销", tasks: "transfer", successorId: 3 }).success,
    ).toBe(true);
  });
});
