import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ZCreateScheme, ZUpdateScheme, type TSchemeFields } from "@/features/assessment/schemas";
import { createScheme, deleteDraft, updateDraft } from "@/features/assessment/server/schemes";
import { newVersion, publishScheme } from "@/features/assessment/server/scheme-versions";
import { getSchemeFormOptions, getSchemeView } from "@/features/assessment/server/scheme-view";
import { seedAll } from "@/prisma/seed/seed-all";
import { codeOf, loadActors, type TTestActor } from "../helpers/actors";
import { createTestDb, type TTestDb } from "../helpers/test-db";

// 考评方案 written by 河北 (a province's managers): drafts, validation by field, publishing (the
// series' earlier published version is superseded), new versions, scope and permission, audit.

let t: TTestDb;
let A: Record<string, TTestActor>;
let planId: number;
let books: number;

beforeAll(async () => {
  t = await createTestDb();
  await seedAll(t.db, { demoUsers: true });
  A = await loadActors(t.db);
  planId = (await t.db.plan.findUniqueOrThrow({ where: { codePrefix: "3" } })).id;
  books = (await t.db.indicator.findFirstOrThrow({ where: { name: "职工书屋数" } })).id;
});
afterAll(async () => t?.close());

const fields = (over: Partial<Record<string, unknown>> = {}): TSchemeFields =>
  ZCreateScheme.parse({
    title: "2026 年度县级工会考评",
    year: 2026,
    scope: "LEVEL",
    level: "COUNTY",
    planId,
    rules: {
      base: 60,
      rules: [
        {
          id: "completed",
          kind: "COMPLETED",
          points: 2,
          weights: { LOW: 0.5, NORMAL: 1, HIGH: 1.5, URGENT: 2 },
          max: 30,
        },
        { id: "overdue", kind: "OVERDUE", points: 2 },
        { id: "books", kind: "INDICATOR", indicatorId: books, points: 10, capRatio: 1 },
      ],
      bands: { EXCELLENT: 90, GOOD: 80, PASS: 60 },
      vetoGrade: "FAIL",
    },
    ...over,
  });
const issues = (input: unknown) => {
  const r = ZCreateScheme.safeParse(input);
  return r.success ? {} : Object.fromEntries(r.error.issues.map((i) => [i.path.join("."), i.message]));
};
const fieldErrors = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e: { code: string; fieldErrors?: Record<string, string> }) => ({ code: e.code, ...e.fieldErrors }),
  );
const status = async (id: number) =>
  (await t.db.assessmentScheme.findUniqueOrThrow({ where: { id }, select: { status: true } })).status;

describe("考评方案 drafts", () => {
  it("creates a draft of the actor's org, version 1, and audits it", async () => {
    const hebei = A.hebei!;
    const { schemeId } = await createScheme(hebei, fields());
    const s = await t.db.assessmentScheme.findUniqueOrThrow({ where: { id: schemeId } });
    expect(s).toMatchObject({
      orgId: hebei.orgId,
      version: 1,
      seriesId: null,
      status: "DRAFT",
      level: "COUNTY",
    });
    expect((s.rules as { rules: unknown[] }).rules).toHaveLength(3);
    const audit = await t.db.auditEvent.findFirstOrThrow({
      where: { action: "assessment.scheme", targetId: String(schemeId) },
    });
    expect(audit.actorId).toBe(hebei.id);
    expect(audit.detail).toMatchObject({ op: "create" });
  });

  it("names each invalid field (shape)", () => {
    const base = fields();
    expect(issues({ ...base, title: " " })).toMatchObject({ title: "required" });
    expect(issues({ ...base, level: "" })).toMatchObject({ level: "required" });
    expect(issues({ ...base, rules: { ...base.rules, base: 1.234 } })).toMatchObject({
      "rules.base": "decimals",
    });
    expect(
      issues({ ...base, rules: { ...base.rules, bands: { EXCELLENT: 80, GOOD: 90, PASS: 60 } } }),
    ).toMatchObject({
      "rules.bands": "bandsOrder",
    });
    const dup = { ...base.rules, rules: [base.rules.rules[1], base.rules.rules[1]] };
    expect(issues({ ...base, rules: dup })).toMatchObject({ "rules.rules.1.id": "duplicate" });
    // A DIRECT scheme needs no level, and the form's empty plan means every plan.
    expect(fields({ scope: "DIRECT", level: "", planId: "" })).toMatchObject({ level: null, planId: null });
  });

  it("names each invalid field (against the record)", async () => {
    const hebei = A.hebei!;
    // 河北 is a province: a scheme of provinces is not below it.
    expect(await fieldErrors(createScheme(hebei, fields({ level: "PROVINCE" })))).toEqual({
      code: "VALIDATION",
      level: "levelNotBelow",
    });
    expect(await fieldErrors(createScheme(hebei, fields({ planId: 999999 })))).toEqual({
      code: "VALIDATION",
      planId: "plan",
    });
    const retired = await t.db.indicator.create({
      data: {
        objectiveId: (await t.db.indicator.findUniqueOrThrow({ where: { id: books } })).objectiveId,
        name: "停用指标",
        unit: "个",
        retiredAt: new Date(),
      },
    });
    const base = fields();
    const withIndicator = (indicatorId: number) =>
      fields({
        rules: { ...base.rules, rules: [base.rules.rules[0], { ...base.rules.rules[2], indicatorId }] },
      });
    expect(await fieldErrors(createScheme(hebei, withIndicator(retired.id)))).toEqual({
      code: "VALIDATION",
      "rules.rules.1.indicatorId": "indicator",
    });
    expect(await fieldErrors(createScheme(hebei, withIndicator(999999)))).toMatchObject({
      "rules.rules.1.indicatorId": "indicator",
    });
    expect(await t.db.assessmentScheme.count({ where: { orgId: hebei.orgId, level: "PROVINCE" } })).toBe(0);
  });

  it("updates a draft only, and only of the actor's own org", async () => {
    const hebei = A.hebei!;
    const { schemeId } = await createScheme(hebei, fields());
    const update = (actor: TTestActor, over: Record<string, unknown> = {}) =>
      updateDraft(actor, ZUpdateScheme.parse({ ...fields(), schemeId, title: "改后的方案", ...over }));
    await update(hebei);
    expect((await t.db.assessmentScheme.findUniqueOrThrow({ where: { id: schemeId } })).title).toBe(
      "改后的方案",
    );
    // 石家庄 (below 河北) reads 河北's schemes at most: it cannot change one. 湖北 does not find it.
    expect(await codeOf(update(A.shijiazhuang!))).toBe("NOT_FOUND");
    expect(await codeOf(update(A.hubei!))).toBe("NOT_FOUND");
    // A chair holds no assessment:manage.
    expect(await codeOf(update(A["zhengding.chair"]!))).toBe("FORBIDDEN");
    expect(await codeOf(createScheme(A["zhengding.chair"]!, fields()))).toBe("FORBIDDEN");
    await publishScheme(hebei, { schemeId });
    expect(await codeOf(update(hebei, { title: "发布后再改" }))).toBe("INVALID_TRANSITION");
    expect((await t.db.assessmentScheme.findUniqueOrThrow({ where: { id: schemeId } })).title).toBe(
      "改后的方案",
    );
    expect(await codeOf(deleteDraft(hebei, { schemeId }))).toBe("INVALID_TRANSITION");
  });
});

describe("考评方案 versions", () => {
  it("publishes, copies to a new version, and supersedes the earlier version on publishing", async () => {
    const hebei = A.hebei!;
    const { schemeId: v1 } = await createScheme(hebei, fields({ title: "系列方案" }));
    // Only the org's own managers publish; nothing else may publish or copy a draft.
    expect(await codeOf(publishScheme(A.hubei!, { schemeId: v1 }))).toBe("NOT_FOUND");
    expect(await codeOf(newVersion(hebei, { schemeId: v1 }))).toBe("INVALID_TRANSITION");
    await publishScheme(hebei, { schemeId: v1 });
    expect(await status(v1)).toBe("PUBLISHED");
    expect(await codeOf(publishScheme(hebei, { schemeId: v1 }))).toBe("INVALID_TRANSITION");

    const { schemeId: v2 } = await newVersion(hebei, { schemeId: v1 });
    const [a, b] = await Promise.all(
      [v1, v2].map((id) => t.db.assessmentScheme.findUniqueOrThrow({ where: { id } })),
    );
    expect(b).toMatchObject({
      seriesId: v1,
      version: 2,
      status: "DRAFT",
      title: a!.title,
      planId: a!.planId,
      level: a!.level,
    });
    expect(b!.rules).toEqual(a!.rules);
    // One draft per series: asking again answers the same draft.
    expect((await newVersion(hebei, { schemeId: v1 })).schemeId).toBe(v2);
    expect(await status(v1)).toBe("PUBLISHED");

    await updateDraft(hebei, ZUpdateScheme.parse({ ...fields({ title: "系列方案（修订）" }), schemeId: v2 }));
    const published = await publishScheme(hebei, { schemeId: v2 });
    expect(published.superseded).toEqual([v1]);
    expect([await status(v1), await status(v2)]).toEqual(["SUPERSEDED", "PUBLISHED"]);

    // A third version from v2 counts on from the series, and supersedes v2 (v1 stays superseded).
    const { schemeId: v3 } = await newVersion(hebei, { schemeId: v2 });
    expect(await t.db.assessmentScheme.findUniqueOrThrow({ where: { id: v3 } })).toMatchObject({
      seriesId: v1,
      version: 3,
    });
    expect(await codeOf(newVersion(hebei, { schemeId: v1 }))).toBe("INVALID_TRANSITION");
    await publishScheme(hebei, { schemeId: v3 });
    expect([await status(v1), await status(v2), await status(v3)]).toEqual([
      "SUPERSEDED",
      "SUPERSEDED",
      "PUBLISHED",
    ]);

    const ops = await t.db.auditEvent.findMany({
      where: { action: "assessment.scheme", targetId: { in: [v1, v2, v3].map(String) } },
      orderBy: { id: "asc" },
    });
    expect(ops.map((o) => `${o.targetId}:${(o.detail as { op: string }).op}`)).toEqual([
      `${v1}:create`,
      `${v1}:publish`,
      `${v2}:newVersion`,
      `${v2}:update`,
      `${v2}:publish`,
      `${v3}:newVersion`,
      `${v3}:publish`,
    ]);
  });

  it("deletes a draft (audited); another org's manager does not find it", async () => {
    const hebei = A.hebei!;
    const { schemeId } = await createScheme(hebei, fields({ title: "待删草稿" }));
    expect(await codeOf(deleteDraft(A.hubei!, { schemeId }))).toBe("NOT_FOUND");
    expect(await codeOf(deleteDraft(A.shijiazhuang!, { schemeId }))).toBe("NOT_FOUND");
    expect(await codeOf(deleteDraft(A["zhengding.chair"]!, { schemeId }))).toBe("FORBIDDEN");
    await deleteDraft(hebei, { schemeId });
    expect(await t.db.assessmentScheme.count({ where: { id: schemeId } })).toBe(0);
    expect(
      await t.db.auditEvent.count({ where: { action: "assessment.scheme", targetId: String(schemeId) } }),
    ).toBe(2);
  });
});

describe("考评方案 pages' reads", () => {
  it("shows a version with its series to its org (runs) and to a federation above (reads only)", async () => {
    const sjz = A.shijiazhuang!;
    const { schemeId: v1 } = await createScheme(sjz, fields({ title: "石家庄方案", level: "GRASSROOTS" }));
    await publishScheme(sjz, { schemeId: v1 });
    const { schemeId: v2 } = await newVersion(sjz, { schemeId: v1 });
    const own = await getSchemeView(sjz, v2);
    expect(own.runs).toBe(true);
    expect(own.versions.map((v) => [v.id, v.status])).toEqual([
      [v2, "DRAFT"],
      [v1, "PUBLISHED"],
    ]);
    expect(own.indicatorNames[books]).toBe("职工书屋数");
    const above = await getSchemeView(A.hebei!, v1);
    expect(above.runs).toBe(false);
    expect(above.orgName).toBe(own.orgName);
    // Below (正定), beside (湖北): not found.
    expect(await codeOf(getSchemeView(A.zhengding!, v1))).toBe("NOT_FOUND");
    expect(await codeOf(getSchemeView(A.hubei!, v1))).toBe("NOT_FOUND");
    expect(await codeOf(getSchemeView(A["zhengding.chair"]!, v1))).toBe("FORBIDDEN");
  });

  it("offers the visible plans and their live indicators only", async () => {
    const measure = (await t.db.indicator.findUniqueOrThrow({ where: { id: books } })).objectiveId;
    await t.db.indicator.create({
      data: { objectiveId: measure, name: "已停用的指标", unit: "个", retiredAt: new Date() },
    });
    const { plans, indicators } = await getSchemeFormOptions(A.hebei!);
    expect(plans.map((p) => p.id)).toContain(planId);
    expect(indicators.map((i) => i.id)).toContain(books);
    const names = indicators.map((i) => i.name);
    expect(names).not.toContain("已停用的指标");
    expect(indicators.every((i) => i.planId === planId)).toBe(true);
  });
});
