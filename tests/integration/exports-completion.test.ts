import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createExport } from "@/features/exports/server/export-file";
import type { TTestActor } from "../helpers/actors";
import type { TTestDb } from "../helpers/test-db";
import {
  csvOf,
  org,
  read,
  setUpExportData,
  tearDownExportData,
  todayText,
  trimEmpty,
  xlsxRows,
} from "./exports-fixture";

// 完成情况 (region table) exports, on the data of exports-fixture.ts; the 台账 is in exports.test.ts.
let t: TTestDb;
let A: Record<string, TTestActor>;
beforeAll(async () => {
  ({ t, A } = await setUpExportData());
});
afterAll(tearDownExportData);

describe("完成情况 (region table) export", () => {
  it("CSV: title lines, one row per child org, 下级单位合计, 本级 and 本地区", async () => {
    const res = (await csvOf(A.zhengding!, { kind: "completion", org: "130123" }))!;
    expect(res.text.startsWith("\uFEFF")).toBe(true);
    expect(res.file.fileName).toBe(`完成情况-正定县总工会-${todayText}.csv`);
    const [title, generated, note, blank, header, ...rest] = res.rows;
    expect(title).toEqual(["正定县总工会 任务完成情况"]);
    expect(generated![0]).toMatch(new RegExp(`^生成时间：${todayText} \\d{2}:\\d{2}（北京时间）$`));
    expect(note![0]).toMatch(/^说明：逐级分解的任务在每个地区只计一次/);
    expect(blank).toEqual([""]);
    expect(header).toEqual([
      "单位",
      "下达任务数",
      "已签收",
      "待签收",
      "已退回",
      "办理中",
      "待审核",
      "已销号",
      "已逾期",
      "完成率",
      "按期完成率",
      "平均进度（%）",
      "红灯",
      "黄灯",
      "绿灯",
    ]);
    const children = await t.db.org.count({ where: { parentId: (await org("130123")).id } });
    expect(rest).toHaveLength(children + 3);
    const byName = new Map(rest.map((r) => [r[0], r]));
    expect(byName.get("正定县恒达机械有限公司工会")).toEqual([
      "正定县恒达机械有限公司工会",
      "1",
      "0",
      "1",
      "0",
      "0",
      "0",
      "0",
      "0",
      "0.0%",
      "",
      "0.0",
      "0",
      "0",
      "1",
    ]);
    // Own tasks: m0 (in progress, 60%), m1 (pending, overdue), m2 (completed on time).
    expect(byName.get("本级")).toEqual([
      "本级",
      "3",
      "2",
      "1",
      "0",
      "1",
      "0",
      "1",
      "1",
      "33.3%",
      "100.0%",
      "53.3",
      "1",
      "0",
      "1",
    ]);
    // 下级单位合计: 恒达's one task (pending). 本地区 = 本级 + 恒达's task, which 正定 gave itself
    // (not passed down from a task of 正定): 4 tasks, (60 + 0 + 100 + 0) / 4 = 40% average progress.
    expect(byName.get("下级单位合计")).toEqual([
      "下级单位合计",
      "1",
      "0",
      "1",
      "0",
      "0",
      "0",
      "0",
      "0",
      "0.0%",
      "",
      "0.0",
      "0",
      "0",
      "1",
    ]);
    expect(rest.at(-1)).toEqual([
      "本地区（上级所见）",
      "4",
      "2",
      "2",
      "0",
      "1",
      "0",
      "1",
      "1",
      "25.0%",
      "100.0%",
      "40.0",
      "1",
      "0",
      "2",
    ]);
  });

  it("a province's table has its cities, no 本级 row when it holds nothing itself, and the objective line", async () => {
    const res = (await csvOf(A.hebei!, { kind: "completion", org: "130000", objective: "3.3" }))!;
    expect(res.rows[1]![0]).toMatch(/^任务目标：3\.3 /);
    const body = res.rows.slice(6); // title, objective, generated, note, blank, header
    expect(body.find((r) => r[0] === "石家庄市总工会")?.slice(0, 3)).toEqual(["石家庄市总工会", "4", "2"]);
    expect(body.some((r) => r[0] === "本级")).toBe(false);
    expect(body.slice(-2).map((r) => r.slice(0, 2))).toEqual([
      ["下级单位合计", "4"],
      ["本地区（上级所见）", "4"],
    ]);
  });

  it("XLSX has the same content, ratios as percentages", async () => {
    const now = new Date();
    const csv = (await csvOf(A.zhengding!, { kind: "completion", org: "130123", now }))!;
    const file = (await createExport(A.zhengding!, {
      kind: "completion",
      orgId: (await org("130123")).id,
      format: "xlsx",
      locale: "zh-CN",
      now,
    }))!;
    expect(file.contentType).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    const xlsx = await xlsxRows(await read(file.body));
    expect(xlsx.name).toBe("完成情况");
    expect(trimEmpty(xlsx.rows).map((r) => r.join("|"))).toEqual(trimEmpty(csv.rows).map((r) => r.join("|")));
  });
});
