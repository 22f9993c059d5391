import { describe, expect, it } from "vitest";
import { MESSAGES } from "@/lib/i18n/messages";
import { LEDGER_SPECS } from "./columns";
import { ledgerRow, type TLedgerTask } from "./ledger-row";

// The real catalogue, so that every key the ledger uses must exist (simple {name} placeholders only).
const t = (key: string, values: Record<string, string | number> = {}) => {
  const v = key
    .split(".")
    .reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], MESSAGES["zh-CN"]);
  if (typeof v !== "string") throw new Error(`missing message ${key}`);
  return v.replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? `{${name}}`));
};
const today = new Date("2026-11-25T00:00:00Z");
const task: TLedgerTask = {
  id: 7,
  measureCode: "3.2.1.4",
  measureTitle: "开展劳动竞赛",
  mainCode: "3.2",
  mainTitle: "（二）建功新时代",
  orgName: "正定县总工会",
  orgPath: [1, 2, 3, 4],
  assignerName: "石家庄市总工会",
  parentId: 12,
  parentCode: "3.2.1.4",
  parentTitle: "开展劳动竞赛",
  parentOrgName: "石家庄市总工会",
  kind: "ASSIGNED",
  status: "IN_PROGRESS",
  priority: "HIGH",
  dueDate: new Date("2026-11-24T00:00:00Z"),
  signedAt: new Date("2026-11-01T17:00:00Z"),
  submittedAt: null,
  completedAt: null,
  responsibleName: "张三",
  progress: 40,
  progressState: "LAGGING",
  progressNarrative: "已召开动员会",
  progressAt: new Date("2026-11-20T02:00:00Z"),
  evidenceCount: 2,
};

describe("ledgerRow", () => {
  it("translates codes, gives China days and marks an open task past its due date as overdue", () => {
    const row = ledgerRow(task, { t, today, region: "河北省 / 石家庄市 / 正定县" });
    expect(row).toHaveLength(LEDGER_SPECS.length);
    expect(row).toEqual([
      "3.2.1.4",
      "开展劳动竞赛",
      "3.2 （二）建功新时代",
      "正定县总工会",
      "河北省 / 石家庄市 / 正定县",
      "石家庄市总工会",
      "#12 石家庄市总工会：3.2.1.4 开展劳动竞赛",
      "规定动作",
      "办理中",
      "重要",
      new Date("2026-11-24T00:00:00Z"),
      new Date("2026-11-02T00:00:00Z"),
      null,
      null,
      "是",
      "张三",
      40,
      "滞后",
      "已召开动员会",
      new Date("2026-11-20T00:00:00Z"),
      2,
    ]);
  });

  it("leaves 上级任务 empty for a task that was not passed down", () => {
    const top = {
      ...task,
      assignerName: "河北省总工会",
      parentId: null,
      parentCode: null,
      parentTitle: null,
    };
    const row = ledgerRow({ ...top, parentOrgName: null }, { t, today, region: "" });
    expect(row.slice(5, 7)).toEqual(["河北省总工会", null]);
  });

  it("is not overdue when due today, completed or cancelled", () => {
    const overdue = (x: Partial<TLedgerTask>) => ledgerRow({ ...task, ...x }, { t, today, region: "" })[14];
    expect(overdue({ dueDate: today })).toBe("否");
    expect(overdue({ status: "COMPLETED" })).toBe("否");
    expect(overdue({ status: "CANCELLED" })).toBe("否");
    expect(overdue({ status: "PENDING_SIGN" })).toBe("是");
  });
});
