import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import REPORT_CODES from "@/features/objectives/lib/report-17th-codes.json";
import { ZImportOptions } from "@/features/plan-import/schemas";
import { getDraft } from "@/features/plan-import/server/get-draft";
import { createDraft } from "@/features/plan-import/server/create-draft";
import { importPlanFile } from "@/features/plan-import/server/import-file";
import { AppError } from "@/lib/errors";
import { seedAll } from "@/prisma/seed/seed-all";
import { loadActors, type TTestActor } from "../helpers/actors";
import { createTestDb, type TTestDb } from "../helpers/test-db";

// The 17th report's own text (prisma/seed/data/report-17th-congress.txt, byte for byte the source
// document ../shared/seeds/004_3b2905c36f097048.txt, which the app must not read at run time) through
// the entry points of 导入计划: the whole file uploaded (importPlanFile), and section 三 pasted
// (createDraft, as the 粘贴文本 action does). Pasted, the draft holds the six main tasks of section 三
// with the sub-items and measures of the seeded plan; so does the whole file with 只导入第三部分
// (part "三"). Uploaded whole without a part, the report's three parts 一、二、三 are the main tasks and
// section 三's six sit one level down, titled by their first clause.
const REPORT = fs.readFileSync(
  path.resolve(import.meta.dirname, "../../prisma/seed/data/report-17th-congress.txt"),
);
/** Section 三 as a person copies it: from its opening paragraph up to 「四、」. */
const SECTION_3 = (() => {
  const text = REPORT.toString("utf8");
  const from = text.indexOf("今后五年工会工作的主要任务是");
  return text.slice(from, text.indexOf("四、", from));
})();

// Read by hand from section 三「今后五年工会工作的主要任务」: （一）…（六）, the PDF's line breaks
// joined and the closing 。 left out.
const MAIN_TASKS = [
  "始终坚持正确政治方向，推动习近平新时代中国特色社会主义思想在工会系统形成生动实践",
  "牢牢把握我国工人运动时代主题，团结动员广大职工以主人翁姿态建功新时代",
  "切实维护职工合法权益，推动构建和谐劳动关系",
  "提高服务工作质量，更好满足职工群众美好生活需要",
  "深化工会改革创新，不断增强工会工作的动力活力",
  "推进工会系统党的建设，为做好新时代工会工作提供坚强保证",
];
const MARKERS = ["（一）", "（二）", "（三）", "（四）", "（五）", "（六）"];

/** The seeded codes (which must never change) under `3.<n>`, `depth` levels below it. */
const seeded = (n: number, depth: 1 | 2) =>
  (REPORT_CODES as [string, string][]).filter(
    ([code]) => code.startsWith(`3.${n}.`) && code.split(".").length === 2 + depth,
  );

let t: TTestDb;
let acftu: TTestActor;
beforeAll(async () => {
  t = await createTestDb();
  await seedAll(t.db, { demoUsers: true });
  acftu = (await loadActors(t.db)).acftu!;
});
afterAll(() => t.close());

/** The seeded plan's main tasks (children of the plan root 「3」) as the database holds them. */
const seededMainTasks = async () =>
  (
    await t.db.objective.findMany({
      where: { parent: { code: "3" } },
      orderBy: { sortOrder: "asc" },
      select: { title: true },
    })
  ).map((o) => o.title);
const upload = (part?: string) =>
  importPlanFile(acftu, {
    bytes: new Uint8Array(REPORT),
    name: "中国工会第十七次全国代表大会报告.txt",
    part,
  });

describe("the 17th report through 导入计划", () => {
  it("section 三 pasted becomes a draft of its six main tasks, with the seeded plan's sub-items and measures", async () => {
    const before = { plans: await t.db.plan.count(), objectives: await t.db.objective.count() };
    const { draftId } = await createDraft(acftu, { text: SECTION_3 });
    const mains = (await getDraft(acftu, draftId))!.tree.nodes;
    expect(mains.map((m) => m.title)).toEqual(MAIN_TASKS);
    mains.forEach((m, i) => {
      // The source beside each node starts at its own numbering.
      expect(m.sourceText.trimStart().slice(0, 3)).toBe(MARKERS[i]);
    });
    for (const [i, m] of mains.entries()) {
      const code = `3.${i + 1}`;
      expect(
        m.children.map((s) => s.title),
        code,
      ).toEqual(seeded(i + 1, 1).map(([, title]) => title));
      expect(m.children.flatMap((s) => s.children).length, code).toBe(seeded(i + 1, 2).length);
    }
    // 19 sub-items and 82 measures in all, as counted in the seeded codes.
    expect(mains.flatMap((m) => m.children)).toHaveLength(19);
    expect(mains.flatMap((m) => m.children.flatMap((s) => s.children))).toHaveLength(82);
    // A draft only: nothing is published before 发布.
    expect({ plans: await t.db.plan.count(), objectives: await t.db.objective.count() }).toEqual(before);
  });

  it("the whole file uploaded: parts 一、二、三 are the main tasks, section 三's six one level down", async () => {
    const { draftId } = await upload();
    const mains = (await getDraft(acftu, draftId))!.tree.nodes;
    expect(mains).toHaveLength(3);
    expect(mains[0]!.title).toBe("过去五年工会工作的重要成就");
    expect(mains[2]!.title).toBe("今后五年工会工作的主要任务");
    // As sub-items they are titled by the heading's first clause (the draft editor can rename them).
    expect(mains[2]!.children.map((m) => m.title)).toEqual(MAIN_TASKS.map((title) => title.split("，")[0]));
    expect(mains[2]!.children.map((m) => m.sourceText.trimStart().slice(0, 3))).toEqual(MARKERS);
  });

  it("the whole file with 只导入第三部分: exactly the seeded plan's six main tasks, their sub-items and measures", async () => {
    const seededTitles = await seededMainTasks();
    // The seed data holds the six titles read by hand above.
    expect(seededTitles).toEqual(MAIN_TASKS);
    const { draftId } = await upload("三");
    const draft = (await getDraft(acftu, draftId))!;
    expect(draft.meta.title).toBe("今后五年工会工作的主要任务");
    const mains = draft.tree.nodes;
    expect(mains.map((m) => m.title)).toEqual(seededTitles);
    expect(mains.map((m) => m.sourceText.trimStart().slice(0, 3))).toEqual(MARKERS);
    for (const [i, m] of mains.entries()) {
      const code = `3.${i + 1}`;
      expect(
        m.children.map((s) => s.title),
        code,
      ).toEqual(seeded(i + 1, 1).map(([, title]) => title));
      expect(m.children.flatMap((s) => s.children).length, code).toBe(seeded(i + 1, 2).length);
      // Each sub-item keeps its paragraph beside it.
      for (const s of m.children) expect(s.sourceText.length, code).toBeGreaterThan(s.title.length);
    }
    expect(mains.flatMap((m) => m.children)).toHaveLength(19);
    expect(mains.flatMap((m) => m.children.flatMap((s) => s.children))).toHaveLength(82);
    // The closing address 「各位代表、同志们，…」 after section 三 is not a task.
    expect(JSON.stringify(draft.tree)).not.toContain("各位代表、同志们");
  });

  it("a part the file does not have: PLAN_PART_NOT_FOUND and no draft; a part that is not a numeral: invalid", async () => {
    const drafts = await t.db.planDraft.count();
    // The report has three parts: 一、二、三 (no 「四、」 heading).
    const error = await upload("四").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("PLAN_PART_NOT_FOUND");
    expect((error as AppError).fieldErrors).toEqual({ part: "partNotFound" });
    expect(await t.db.planDraft.count()).toBe(drafts);
    for (const part of ["3", "三、", "第三部分", "二十一"])
      expect(ZImportOptions.safeParse({ part }).error?.issues[0]?.message, part).toBe("invalid");
    expect(ZImportOptions.parse({ part: "" }).part).toBeUndefined();
  });
});
