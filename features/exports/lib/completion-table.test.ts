import { describe, expect, it } from "vitest";
import { emptyCounts, toMetrics, type TCounts } from "@/features/rollups/lib/metrics";
import { COMPLETION_SPECS } from "./columns";
import { completionBody, completionFooter, completionNote } from "./completion-table";

const t = (key: string) =>
  ({
    "exports.completion.own": "本级",
    "exports.completion.childTotal": "下级单位合计",
    "exports.completion.region": "本地区（上级所见）",
    "exports.completion.note": "说明",
    "exports.completion.noteRoot": "全国说明",
  })[key] ?? key;
const m = (c: Partial<TCounts>) => toMetrics({ ...emptyCounts(), ...c });

describe("completion table", () => {
  const children = [
    {
      name: "石家庄市总工会",
      metrics: m({
        pendingSign: 1,
        inProgress: 2,
        completed: 1,
        completedOnTime: 1,
        progressSum: 160,
        overdue: 1,
        red: 1,
        yellow: 1,
        green: 1,
      }),
    },
    { name: "唐山市总工会", metrics: m({}) },
  ];
  const province = { org: { parentId: 1 }, children, own: m({}), childTotal: m({}), region: m({}) };

  it("has a row per child (also empty ones) in column order", () => {
    const rows = completionBody(province);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toEqual(["石家庄市总工会", 4, 3, 1, 0, 2, 0, 1, 1, 0.25, 1, 40, 1, 1, 1]);
    expect(rows[0]).toHaveLength(COMPLETION_SPECS.length);
    expect(rows[1]).toEqual(["唐山市总工会", 0, 0, 0, 0, 0, 0, 0, 0, null, null, null, 0, 0, 0]);
  });

  it("ends with 下级单位合计, 本级 when the org holds tasks, and 本地区 (what the parent sees)", () => {
    // 河北 passed its one task (in progress, 1 of 22 county tasks done: 100/22 %) down to 石家庄's counties.
    const passedDown = {
      ...province,
      own: m({ inProgress: 1, progressSum: 100 / 22 }),
      childTotal: m({ pendingSign: 21, completed: 1, completedOnTime: 1, progressSum: 100 }),
      region: m({ inProgress: 1, progressSum: 100 / 22 }),
    };
    expect(completionFooter(passedDown, t)).toEqual([
      ["下级单位合计", 22, 1, 21, 0, 0, 0, 1, 0, 1 / 22, 1, 100 / 22, 0, 0, 0],
      ["本级", 1, 1, 0, 0, 1, 0, 0, 0, 0, null, 100 / 22, 0, 0, 0],
      ["本地区（上级所见）", 1, 1, 0, 0, 1, 0, 0, 0, 0, null, 100 / 22, 0, 0, 0],
    ]);
    // No own tasks: no 本级 line.
    expect(completionFooter(province, t).map((r) => r[0])).toEqual(["下级单位合计", "本地区（上级所见）"]);
    expect(completionNote(province, t)).toBe("说明");
  });

  it("at the root (the sum of the provinces) there is no 本地区 line; a branch without children has no 下级 line", () => {
    const root = { ...province, org: { parentId: null }, childTotal: m({ completed: 2, progressSum: 200 }) };
    expect(completionFooter(root, t)).toEqual([["下级单位合计", 2, 2, 0, 0, 0, 0, 2, 0, 1, 0, 100, 0, 0, 0]]);
    expect(completionNote(root, t)).toBe("全国说明");
    const branch = {
      ...province,
      children: [],
      own: m({ completed: 1, progressSum: 100 }),
      region: m({ completed: 1, progressSum: 100 }),
    };
    expect(completionFooter(branch, t).map((r) => r[0])).toEqual(["本级", "本地区（上级所见）"]);
  });
});
