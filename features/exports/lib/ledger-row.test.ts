import { describe, expect, it } from "vitest";
import { MESSAGES } from "@/lib/i18n/messages";
import { LEDGER_SPECS } from "./columns";
import { ledgerRow, type TLedgerNames, type TLedgerTask } from "./ledger-row";

// The real catalogue, so that every key the ledger uses must exist (simple {name} placeholders only).
const t = (key: string, values: Record<string, string | number> = {}) => {
  const v = key
    .split(".")
    .reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], MESSAGES["zh-CN"]);
  if (typeof v !== "string") throw new Error(`missing message ${key}`);
  return v.replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? `{${name}}`));
};
const today = new Date("2026-11-25T00:00:00Z");
// Ids as the query returns them, names as the export's lookup gives them.
const objectives: Record<number, { code: string; title: string }> = {
  30: { code: "3.2", title: "（二）建功新时代" },
  31: { code: "3.2.1.4", title: "开展劳动竞赛" },
};
const orgs: Record<number, string> = { 2: "河北省总工会", 3: "石家庄市总工会", 4: "正定县总工会" };
const names: TLedgerNames = {
  objective: (id) => objectives[id]!,
  orgName: (id) => orgs[id]!,
  region: (orgId, upId) => `region of ${orgId} under ${upId}`,
};
const task: TLedgerTask = {
  id: 7,
  measureId: 31,
  mainTaskId: 30,
  orgName: "正定县总工会",
  orgId: 4,
  upId: 3,
  reviewOrgId: 3,
  parentId: 12,
  parentMeasureId: 31,
  parentOrgId: 3,
  kind: "ASSIGNED",
  status: "IN_PROGRESS",
  priority: "HIGH",
  dueDate: new Date("2026-11-24T00:00:00Z"),
  signedDay: new Date("2026-11-02T00:00:00Z"),
  submittedDay: null,
  completedDay: null,
  responsibleName: "张三",
  progress: 40,
  progressState: "LAGGING",
  progressNarrative: "已召开动员会",
  progressDay: new Date("2026-11-20T00:00:00Z"),
  evidenceCount: 2,
};

describe("ledgerRow", () => {
  it("names the measure, holder, region and parent by id, translates codes and marks an open task past its due date as overdue", () => {
    const row = ledgerRow(task, { t, today, names });
    expect(row).toHaveLength(LEDGER_SPECS.length);
    expect(row).toEqual([
      "3.2.1.4",
      "开展劳动竞赛",
      "3.2 （二）建功新时代",
      "正定县总工会",
      "region of 4 under 3",
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
    const top = { ...task, reviewOrgId: 2, parentId: null, parentMeasureId: null, parentOrgId: null };
    const row = ledgerRow(top, { t, today, names });
    expect(row.slice(5, 7)).toEqual(["河北省总工会", null]);
  });

  it("is not overdue when due today, completed or cancelled", () => {
    const overdue = (x: Partial<TLedgerTask>) => ledgerRow({ ...task, ...x }, { t, today, names })[14];
    expect(overdue({ dueDate: today })).toBe("否");
    expect(overdue({ status: "COMPLETED" })).toBe("否");
    expect(overdue({ status: "CANCELLED" })).toBe("否");
    expect(overdue({ status: "PENDING_SIGN" })).toBe("是");
  });
});
