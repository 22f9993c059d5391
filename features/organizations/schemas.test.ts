import { describe, expect, it } from "vitest";
import { ZOrgImportRow } from "./import/row-schema";
import { ZCloseOrg, ZMergeOrg, ZMoveOrg, ZRenameOrg } from "./schemas";

const issues = (r: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  r.success ? [] : r.error!.issues.map((i) => `${i.path.join(".")}:${i.message}`);

describe("tree change schemas (shared by the dialogs and the actions)", () => {
  it("a name is 2–100 clean characters, trimmed", () => {
    expect(ZRenameOrg.parse({ orgId: 1, name: "  新名称工会 " }).name).toBe("新名称工会");
    expect(ZRenameOrg.parse({ orgId: 1, name: "工".repeat(100) }).name).toHaveLength(100);
    expect(issues(ZRenameOrg.safeParse({ orgId: 1, name: "新" }))).toEqual(["name:orgName"]);
    expect(issues(ZRenameOrg.safeParse({ orgId: 1, name: "工".repeat(101) }))).toEqual(["name:orgName"]);
    expect(issues(ZRenameOrg.safeParse({ orgId: 1, name: "坏\u0000名" }))).toEqual(["name:text"]);
  });

  it("the rename form and the 基层工会 import accept and refuse the same names", () => {
    const row = (name: string) => ({
      name,
      code: "1301230901",
      parent: "130123",
      type: "",
      memberCount: "",
      chairName: "",
      contact: "",
    });
    const names = ["", " ", "新", " 新 ", "新名", "工".repeat(60), "工".repeat(61), "工".repeat(100)];
    for (const name of [...names, "工".repeat(101), "坏\u0000名", "  前后空格工会  "]) {
      const renamed = ZRenameOrg.safeParse({ orgId: 1, name });
      const imported = ZOrgImportRow.safeParse(row(name));
      expect(imported.success, name).toBe(renamed.success);
      if (renamed.success && imported.success) expect(imported.data.name).toBe(renamed.data.name);
    }
    // Written out by hand: which of those names pass (2–100 characters after trimming).
    expect(names.map((name) => ZRenameOrg.safeParse({ orgId: 1, name }).success)).toEqual([
      false,
      false,
      false,
      false,
      true,
      true,
      true,
      true,
    ]);
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
