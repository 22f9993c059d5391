import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addIndicator, retireIndicator, updateIndicator } from "@/features/indicators/server/edit-indicators";
import { listIndicatorRecipients } from "@/features/indicators/server/recipients";
import { getAssignIndicators } from "@/features/indicators/server/assign-indicators";
import { getTaskIndicators } from "@/features/indicators/server/task-indicators";
import { ZAddIndicator, ZIndicatorRecipients, ZUpdateIndicator } from "@/features/indicators/schemas";
import { ZAssignTasks } from "@/features/tasks/schemas";
import { assignTasks } from "@/features/tasks/server/assign-tasks";
import { signTask } from "@/features/tasks/server/sign-task";
import { addDays, chinaToday, formatDay } from "@/lib/dates";
import { REPORT_INDICATORS, seedIndicators } from "@/prisma/seed/indicators";
import { seedAll } from "@/prisma/seed/seed-all";
import { codeOf, loadActors, type TTestActor } from "../helpers/actors";
import { createTestDb, type TTestDb } from "../helpers/test-db";

// Indicator definitions (who may edit them, history), the seeded indicators of the 17th report, and
// the 下达 form's recipients with their member-count weights (scope and target rule of the 下达).
let t: TTestDb;
let A: Record<string, TTestActor>;
const obj = (code: string) => t.db.objective.findUniqueOrThrow({ where: { code } });
const org = (code: string) => t.db.org.findUniqueOrThrow({ where: { code } });
const add = async (actor: TTestActor, code: string, name: string) =>
  addIndicator(
    actor,
    ZAddIndicator.parse({
      objectiveId: (await obj(code)).id,
      name,
      unit: "家",
      aggregation: "SUM",
      direction: "HIGHER",
    }),
  );

beforeAll(async () => {
  t = await createTestDb();
  await seedAll(t.db, { demoUsers: true });
  A = await loadActors(t.db);
});
afterAll(() => t.close());

describe("the seeded indicators of the 17th report", () => {
  it("sit on the measures named here, each with a baseline figure the report states", async () => {
    const rows = await t.db.indicator.findMany({
      where: { objective: { plan: { codePrefix: "3" } } },
      select: {
        name: true,
        unit: true,
        aggregation: true,
        direction: true,
        objective: { select: { code: true, level: true } },
      },
      orderBy: { sortOrder: "asc" },
    });
    expect(rows.map((r) => [r.objective.code, r.name, r.unit])).toEqual([
      ["3.5.3.5", "新建工会数", "家"],
      ["3.5.3.5", "发展会员数", "人"],
      ["3.2.1.4", "职工书屋数", "家"],
      ["3.2.4.1", "劳模创新工作室数", "家"],
      ["3.4.3.1", "帮扶资金", "万元"],
      ["3.4.3.1", "帮助困难职工家庭脱困数", "户"],
    ]);
    expect(
      rows.every(
        (r) => r.objective.level === "MEASURE" && r.aggregation === "SUM" && r.direction === "HIGHER",
      ),
    ).toBe(true);
    // The report (line breaks and spaces removed) states every baseline, and each measure's text is about it.
    const report = fs
      .readFileSync(
        path.resolve(import.meta.dirname, "../../prisma/seed/data/report-17th-congress.txt"),
        "utf8",
      )
      .replace(/\s+/g, "");
    for (const i of REPORT_INDICATORS) expect(report).toContain(i.baseline.replace(/\s+/g, ""));
    const text = async (code: string) => (await obj(code)).sourceText;
    expect(await text("3.5.3.5")).toContain("建会");
    expect(await text("3.2.1.4")).toContain("职工书屋");
    expect(await text("3.2.4.1")).toContain("创新工作室");
    expect(await text("3.4.3.1")).toContain("困难职工");
  });

  it("seeds again without duplicating or undoing an edit", async () => {
    const ind = await t.db.indicator.findFirstOrThrow({ where: { name: "职工书屋数" } });
    await t.db.indicator.update({ where: { id: ind.id }, data: { unit: "个" } });
    expect(await seedIndicators(t.db)).toBe(0);
    expect(await t.db.indicator.count({ where: { objective: { plan: { codePrefix: "3" } } } })).toBe(6);
    expect((await t.db.indicator.findUniqueOrThrow({ where: { id: ind.id } })).unit).toBe("个");
  });
});

describe("defining indicators", () => {
  it("whoever may edit the plan adds, edits and retires, with history; others find nothing", async () => {
    // The 17th report is issued by the national federation: 河北 may not edit it.
    expect(await codeOf(add(A.hebei!, "3.1.1.1", "培训人次"))).toBe("NOT_FOUND");
    expect(await codeOf(add(A["zhengding.staff"]!, "3.1.1.1", "培训人次"))).toBe("FORBIDDEN");
    const { indicatorId } = await add(A.acftu!, "3.1.1.1", "培训人次");
    expect(await codeOf(add(A.acftu!, "3.1.1.1", "培训人次"))).toBe("ALREADY_EXISTS");
    expect(await codeOf(add(A.acftu!, "3.1.1", "子项指标"))).toBe("VALIDATION");

    const upd = (actor: TTestActor, extra: Record<string, unknown>) =>
      updateIndicator(
        actor,
        ZUpdateIndicator.parse({
          indicatorId,
          name: "培训人次",
          unit: "人次",
          aggregation: "SUM",
          direction: "HIGHER",
          ...extra,
        }),
      );
    expect(await codeOf(upd(A.hebei!, { unit: "人" }))).toBe("NOT_FOUND");
    await upd(A.acftu!, { name: "职工培训人次", aggregation: "AVERAGE" });
    expect(await t.db.indicator.findUniqueOrThrow({ where: { id: indicatorId } })).toMatchObject({
      name: "职工培训人次",
      aggregation: "AVERAGE",
    });
    // Once a task carries it, how it adds up is fixed.
    const hebei = await org("130000");
    await assignTasks(
      A.acftu!,
      ZAssignTasks.parse({
        clientToken: crypto.randomUUID(),
        dueDate: formatDay(addDays(chinaToday(), 60)),
        objectiveIds: [(await obj("3.1.1.1")).id],
        target: { mode: "orgs", orgIds: [hebei.id] },
      }),
    );
    const task = await t.db.task.findFirstOrThrow({
      where: { objective: { code: "3.1.1.1" }, orgId: hebei.id },
    });
    // The 下达 gave the task the measure's indicator.
    expect(await t.db.taskIndicator.count({ where: { taskId: task.id, indicatorId } })).toBe(1);
    expect(await codeOf(upd(A.acftu!, { name: "职工培训人次", aggregation: "SUM" }))).toBe(
      "INVALID_TRANSITION",
    );
    // Name, unit and direction may still change.
    await upd(A.acftu!, { name: "职工培训人次", aggregation: "AVERAGE", unit: "人" });

    expect(await codeOf(retireIndicator(A.hebei!, { indicatorId }))).toBe("NOT_FOUND");
    await retireIndicator(A.acftu!, { indicatorId });
    expect(await codeOf(retireIndicator(A.acftu!, { indicatorId }))).toBe("INVALID_TRANSITION");
    expect(await codeOf(upd(A.acftu!, { unit: "人" }))).toBe("INVALID_TRANSITION");

    const measure = await obj("3.1.1.1");
    const log = await t.db.changeLog.findMany({
      where: { entity: "OBJECTIVE", entityId: measure.id },
      orderBy: { id: "asc" },
      select: { action: true, changes: true, actorId: true },
    });
    expect(log.map((l) => l.action)).toEqual([
      "indicator.add",
      "indicator.update",
      "indicator.update",
      "indicator.retire",
    ]);
    expect(log[1]!.changes).toMatchObject({
      name: ["培训人次", "职工培训人次"],
      aggregation: ["SUM", "AVERAGE"],
    });
    expect(log.every((l) => l.actorId === A.acftu!.id)).toBe(true);
    expect(
      await t.db.auditEvent.count({ where: { action: "plan.edit", targetId: String(measure.id) } }),
    ).toBeGreaterThanOrEqual(3);
  });
});

describe("the recipients of a split, with member counts", () => {
  const set = async (code: string, memberCount: number | null, closed = false) =>
    t.db.org.update({ where: { code }, data: { memberCount, closedAt: closed ? new Date() : null } });
  beforeAll(async () => {
    await t.db.org.updateMany({ where: { level: "GRASSROOTS" }, data: { memberCount: null } });
    await set("1301230001", 120); // 正定 恒达机械
    await set("1301230002", 30); // 正定
    await set("1301230003", 999, true); // 正定, closed: not counted
    await set("1301020001", 50); // 长安区
    await set("4201060001", 700); // 武昌 (湖北): outside 石家庄
  });
  const recipients = (actor: TTestActor, input: Record<string, unknown>) =>
    listIndicatorRecipients(actor, ZIndicatorRecipients.parse(input));

  it("weights each county of 石家庄 by the open grassroots unions under it", async () => {
    const sjz = await org("130100");
    const rows = await recipients(A.shijiazhuang!, {
      target: { mode: "level", level: "COUNTY", underOrgId: sjz.id },
    });
    const counties = await t.db.org.count({ where: { parentId: sjz.id, level: "COUNTY", closedAt: null } });
    expect(rows).toHaveLength(counties);
    const byCode = new Map(rows.map((r) => [r.code, r.members]));
    expect(byCode.get("130123")).toBe(150);
    expect(byCode.get("130102")).toBe(50);
    expect(rows.filter((r) => !["130123", "130102"].includes(r.code)).every((r) => r.members === 0)).toBe(
      true,
    );
  });

  it("counts a grassroots recipient itself, and refuses orgs outside the assigner's subtree", async () => {
    const ids = [(await org("1301230001")).id, (await org("130102")).id];
    const rows = await recipients(A.shijiazhuang!, { target: { mode: "orgs", orgIds: ids } });
    expect(Object.fromEntries(rows.map((r) => [r.code, r.members]))).toEqual({
      "1301230001": 120,
      "130102": 50,
    });
    const wuchang = (await org("420106")).id;
    expect(await codeOf(recipients(A.shijiazhuang!, { target: { mode: "orgs", orgIds: [wuchang] } }))).toBe(
      "VALIDATION",
    );
    expect(
      await codeOf(
        recipients(A.shijiazhuang!, { target: { mode: "level", level: "GRASSROOTS", underOrgId: wuchang } }),
      ),
    ).toBe("VALIDATION");
    expect(await codeOf(recipients(A["zhengding.staff"]!, { target: { mode: "orgs", orgIds: ids } }))).toBe(
      "FORBIDDEN",
    );
  });

  it("for 分解 the assigner is the org holding the task, which only its holders may pass down", async () => {
    const [hebei, sjz] = [await org("130000"), await org("130100")];
    const res = await assignTasks(
      A.acftu!,
      ZAssignTasks.parse({
        clientToken: crypto.randomUUID(),
        dueDate: formatDay(addDays(chinaToday(), 60)),
        objectiveIds: [(await obj("3.5.3.5")).id],
        target: { mode: "orgs", orgIds: [hebei.id] },
      }),
    );
    expect(res.created).toBe(1);
    const parent = await t.db.task.findFirstOrThrow({
      where: { objective: { code: "3.5.3.5" }, orgId: hebei.id },
    });
    await signTask(A.hebei!, { taskId: parent.id, version: parent.version });
    const rows = await recipients(A.hebei!, {
      parentTaskId: parent.id,
      target: { mode: "orgs", orgIds: [sjz.id] },
    });
    // 石家庄's unions: 120 + 30 + 50 (the closed one not counted).
    expect(rows).toEqual([{ id: sjz.id, code: "130100", name: sjz.name, members: 200 }]);
    expect(
      await codeOf(
        recipients(A.hubei!, { parentTaskId: parent.id, target: { mode: "orgs", orgIds: [sjz.id] } }),
      ),
    ).toBe("NOT_FOUND");
  });
});

describe("what the forms and the task page read", () => {
  it("the task's indicators: live ones, and retired ones it carries; the parent's targets for 分解", async () => {
    const measure = await obj("3.4.3.1");
    const fund = await t.db.indicator.findFirstOrThrow({
      where: { objectiveId: measure.id, name: "帮扶资金" },
    });
    const hebei = await org("130000");
    await assignTasks(
      A.acftu!,
      ZAssignTasks.parse({
        clientToken: crypto.randomUUID(),
        dueDate: formatDay(addDays(chinaToday(), 60)),
        objectiveIds: [measure.id],
        target: { mode: "orgs", orgIds: [hebei.id] },
      }),
    );
    const task = await t.db.task.findFirstOrThrow({ where: { objectiveId: measure.id, orgId: hebei.id } });
    await t.db.taskIndicator.upsert({
      where: { taskId_indicatorId: { taskId: task.id, indicatorId: fund.id } },
      create: { taskId: task.id, indicatorId: fund.id, target: 1200.5, actual: 300 },
      update: { target: 1200.5, actual: 300 },
    });
    const extra = await add(A.acftu!, "3.4.3.1", "临时指标");
    expect((await getTaskIndicators(task)).map((r) => [r.name, r.target, r.actual, r.retired])).toEqual([
      ["帮扶资金", 1200.5, 300, false],
      ["帮助困难职工家庭脱困数", null, null, false],
      ["临时指标", null, null, false],
    ]);
    // An indicator added after the 下达 is attached to the task that holds the measure; retired
    // ones the task carries stay on it, marked.
    await retireIndicator(A.acftu!, { indicatorId: extra.indicatorId });
    await retireIndicator(A.acftu!, { indicatorId: fund.id });
    expect((await getTaskIndicators(task)).map((r) => [r.name, r.retired])).toEqual([
      ["帮扶资金", true],
      ["帮助困难职工家庭脱困数", false],
      ["临时指标", true],
    ]);
    const form = await getAssignIndicators({ measureIds: [measure.id], parentTaskId: task.id });
    expect(form.byMeasure[measure.id]!.map((i) => i.name)).toEqual(["帮助困难职工家庭脱困数"]);
    expect(form.parentTargets).toEqual({ [fund.id]: 1200.5 });
  });
});
