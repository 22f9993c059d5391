import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDraft } from "@/features/plan-import/server/get-draft";
import { importPlanFile } from "@/features/plan-import/server/import-file";
import { MAX_PLAN_FILE_BYTES } from "@/features/plan-import/server/read-document";
import { publishDraft } from "@/features/plan-import/server/publish-draft";
import { saveDraft } from "@/features/plan-import/server/save-draft";
import { ZSaveDraft } from "@/features/plan-import/schemas";
import { seedAll } from "@/prisma/seed/seed-all";
import { WORK_POINTS_TITLE } from "../fixtures/work-points";
import { workPointsDocx } from "../fixtures/work-points-docx";
import { codeOf, loadActors, type TTestActor } from "../helpers/actors";
import { createTestDb, type TTestDb } from "../helpers/test-db";

// Importing a plan from a document: a .docx built here with `docx`, a GB18030 .txt, the bad files
// (each a clear code, nothing written), the issuer's scope, and publishing (exact codes).
let t: TTestDb;
let A: Record<string, TTestActor>;

beforeAll(async () => {
  t = await createTestDb();
  await seedAll(t.db, { demoUsers: true });
  A = await loadActors(t.db);
});
afterAll(() => t.close());

const counts = async () => ({
  drafts: await t.db.planDraft.count(),
  plans: await t.db.plan.count(),
  objectives: await t.db.objective.count(),
});
const zip = async (files: Record<string, string | Uint8Array>) => {
  const z = new JSZip();
  for (const [name, body] of Object.entries(files)) z.file(name, body);
  return z.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
};
const flat = (nodes: { title: string; children: unknown[] }[], depth = 1): [number, string][] =>
  nodes.flatMap((n) => [
    [depth, n.title] as [number, string],
    ...flat(n.children as { title: string; children: unknown[] }[], depth + 1),
  ]);
const saveAs = async (actor: TTestActor, draftId: number, meta: Record<string, unknown>) => {
  const d = (await getDraft(actor, draftId))!;
  return saveDraft(
    actor,
    ZSaveDraft.parse({ draftId, version: d.version, meta: { ...d.meta, ...meta }, tree: d.tree }),
  );
};

// The 工作要点's tree, read by hand from tests/fixtures/work-points.ts (depth 1 main task … 3 measure).
const TREE: [number, string][] = [
  [1, "坚持政治引领，筑牢职工思想根基"],
  [2, "深入学习宣传贯彻党的二十大精神"],
  [3, "组织开展“学思想、强信念”主题宣讲"],
  [3, "加强职工思想政治引领"],
  [2, "加强工会宣传阵地建设"],
  [3, "推进工会报刊和新媒体融合发展"],
  [3, "建好用好职工书屋"],
  [1, "聚焦中心任务，组织职工建功立业"],
  [2, "深化劳动和技能竞赛"],
  [3, "组织全省职业技能大赛"],
  [3, "开展班组竞赛"],
  [2, "推进产业工人队伍建设改革"],
  [3, "推进产业工人队伍建设改革"],
  [1, "维护职工合法权益"],
  [2, "推动构建和谐劳动关系"],
  [3, "推进集体协商提质增效"],
  [3, "加强职工法律服务"],
  [2, "做好困难职工帮扶"],
  [3, "做好困难职工帮扶"],
];

describe("import from a file", () => {
  it("a .docx 工作要点 becomes a draft with the expected tree and guessed plan fields", async () => {
    const { draftId } = await importPlanFile(A.hebei!, {
      bytes: await workPointsDocx(),
      name: "2027年工作要点.docx",
    });
    const d = (await getDraft(A.hebei!, draftId))!;
    expect(flat(d.tree.nodes)).toEqual(TREE);
    expect(d.meta).toMatchObject({
      title: WORK_POINTS_TITLE,
      kind: "WORK_POINTS",
      codePrefix: "",
      periodStart: "2027-01-01",
      periodEnd: "2027-12-31",
      issuingOrgId: A.hebei!.orgId,
    });
    expect(d.tree.sourceText).toMatch(/^2027年全省工会工作的总体要求是：/);
    expect(d.sourceName).toBe("2027年工作要点.docx");
  });

  it("a GB18030 .txt is read as Chinese", async () => {
    // 「河北省总工会2027年工作要点 / 一、加强思想引领 / （一）深化主题宣讲 / 1．开展职工宣讲。/ 2．建好宣传阵地。」
    const gb = Buffer.from(
      "bad3b1b1caa1d7dcb9a4bbe132303237c4eab9a4d7f7d2aab5e30ad2bba1a2bcd3c7bfcbbccfebd2fdc1ec0aa3a8d2bba3a9c9eebbafd6f7cce2d0fbbdb20a31a3aebfaad5b9d6b0b9a4d0fbbdb2a1a30a32a3aebda8bac3d0fbb4abd5f3b5d8a1a30a",
      "hex",
    );
    const { draftId } = await importPlanFile(A.hebei!, { bytes: gb, name: "要点.txt" });
    const d = (await getDraft(A.hebei!, draftId))!;
    expect(d.meta.title).toBe("河北省总工会2027年工作要点");
    expect(flat(d.tree.nodes)).toEqual([
      [1, "加强思想引领"],
      [2, "深化主题宣讲"],
      [3, "开展职工宣讲"],
      [3, "建好宣传阵地"],
    ]);
  });

  it("refuses bad files with a clear code and writes nothing", async () => {
    const before = await counts();
    const bomb = await zip({ "word/document.xml": new Uint8Array(60 * 1024 * 1024) });
    expect(bomb.length).toBeLessThan(200_000);
    const docx = await workPointsDocx();
    const cases: [string, Uint8Array][] = [
      ["PLAN_FILE_EMPTY", new Uint8Array(0)],
      ["PLAN_FILE_EMPTY", Buffer.from(" \r\n\u3000\n", "utf8")],
      ["PLAN_FILE_EMPTY", await workPointsDocx(["", " "])],
      ["FILE_TYPE", Buffer.from("%PDF-1.4\n% plan\n%%EOF\n")],
      ["FILE_TYPE", Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0])],
      ["FILE_TYPE", Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3])],
      ["FILE_TYPE", await zip({ "xl/workbook.xml": "<workbook/>" })],
      ["PLAN_FILE_UNSAFE", bomb],
      ["PLAN_FILE_UNREADABLE", docx.subarray(0, docx.length - 40)],
      ["FILE_TOO_LARGE", new Uint8Array(MAX_PLAN_FILE_BYTES + 1).fill(0x41)],
    ];
    for (const [code, bytes] of cases)
      expect([code, await codeOf(importPlanFile(A.hebei!, { bytes, name: "要点.docx" }))]).toEqual([
        code,
        code,
      ]);
    expect(await counts()).toEqual(before);
  });

  it("the issuing org is the importer's own or one of its subtree, and drafts stay in the subtree", async () => {
    const hubei = await t.db.org.findUniqueOrThrow({ where: { code: "420000" } });
    const sjz = await t.db.org.findUniqueOrThrow({ where: { code: "130100" } });
    const bytes = await workPointsDocx();
    expect(await codeOf(importPlanFile(A.hebei!, { bytes, name: "a.docx", issuingOrgId: hubei.id }))).toBe(
      "VALIDATION",
    );
    expect(
      await codeOf(importPlanFile(A.shijiazhuang!, { bytes, name: "a.docx", issuingOrgId: A.hebei!.orgId })),
    ).toBe("VALIDATION");
    expect(await codeOf(importPlanFile(A["zhengding.chair"]!, { bytes, name: "a.docx" }))).toBe("FORBIDDEN");
    const { draftId } = await importPlanFile(A.hebei!, { bytes, name: "a.docx", issuingOrgId: sjz.id });
    expect((await getDraft(A.shijiazhuang!, draftId))?.issuingOrgName).toBe("石家庄市总工会");
    expect(await getDraft(A.hubei!, draftId)).toBeNull();
    const mine = (await getDraft(A.hebei!, draftId))!;
    const save = { draftId, version: mine.version, meta: mine.meta, tree: mine.tree };
    expect(await codeOf(saveDraft(A.hubei!, ZSaveDraft.parse(save)))).toBe("VALIDATION"); // 石家庄 is not 湖北's
    const hubeiMeta = { ...mine.meta, issuingOrgId: A.hubei!.orgId };
    expect(await codeOf(saveDraft(A.hubei!, ZSaveDraft.parse({ ...save, meta: hubeiMeta })))).toBe(
      "NOT_FOUND",
    );
    expect(await codeOf(publishDraft(A.hubei!, { draftId, version: 1 }))).toBe("NOT_FOUND");
  });
});

describe("publish", () => {
  it("creates the plan and exactly the expected codes, once, with history and an audit event", async () => {
    const { draftId } = await importPlanFile(A.hebei!, { bytes: await workPointsDocx(), name: "要点.docx" });
    // Not publishable yet: no prefix.
    expect(await codeOf(publishDraft(A.hebei!, { draftId, version: 1 }))).toBe("VALIDATION");
    // The 17th report's prefix is taken.
    const { version } = await saveAs(A.hebei!, draftId, { codePrefix: "3" });
    const before = await counts();
    expect(await codeOf(publishDraft(A.hebei!, { draftId, version }))).toBe("PLAN_PREFIX_TAKEN");
    expect(await counts()).toEqual(before);
    expect((await t.db.planDraft.findUniqueOrThrow({ where: { id: draftId } })).status).toBe("DRAFT");
    const v2 = await saveAs(A.hebei!, draftId, { codePrefix: "hb2027" });
    expect(await codeOf(publishDraft(A.hebei!, { draftId, version: version }))).toBe("CONFLICT");
    const { planId, measures } = await publishDraft(A.hebei!, { draftId, version: v2.version });
    expect(measures).toBe(10);
    const rows = await t.db.objective.findMany({ where: { planId }, orderBy: { id: "asc" } });
    expect(rows.map((r) => r.code).sort()).toEqual(
      [
        "HB2027",
        "HB2027.1",
        "HB2027.1.1",
        "HB2027.1.1.1",
        "HB2027.1.1.2",
        "HB2027.1.2",
        "HB2027.1.2.1",
        "HB2027.1.2.2",
        "HB2027.2",
        "HB2027.2.1",
        "HB2027.2.1.1",
        "HB2027.2.1.2",
        "HB2027.2.2",
        "HB2027.2.2.1",
        "HB2027.3",
        "HB2027.3.1",
        "HB2027.3.1.1",
        "HB2027.3.1.2",
        "HB2027.3.2",
        "HB2027.3.2.1",
      ].sort(),
    );
    const byCode = new Map(rows.map((r) => [r.code, r]));
    expect(byCode.get("HB2027.1.1.2")).toMatchObject({ level: "MEASURE", title: "加强职工思想政治引领" });
    expect(byCode.get("HB2027.1.1.2")!.parentId).toBe(byCode.get("HB2027.1.1")!.id);
    expect(byCode.get("HB2027")).toMatchObject({ level: "PLAN", title: WORK_POINTS_TITLE, parentId: null });
    const plan = await t.db.plan.findUniqueOrThrow({ where: { id: planId } });
    expect(plan).toMatchObject({ codePrefix: "HB2027", kind: "WORK_POINTS", issuingOrgId: A.hebei!.orgId });
    expect(
      await t.db.changeLog.count({ where: { entity: "PLAN", entityId: planId, action: "create" } }),
    ).toBe(1);
    expect(await t.db.auditEvent.count({ where: { action: "plan.publish", targetId: String(planId) } })).toBe(
      1,
    );
    // Published once: the draft is closed.
    expect(await codeOf(publishDraft(A.hebei!, { draftId, version: v2.version + 1 }))).toBe("NOT_FOUND");
  });

  it("refuses a tree without a measure", async () => {
    const { draftId } = await importPlanFile(A.hebei!, {
      bytes: await workPointsDocx(["只有一段说明。"]),
      name: "x.docx",
    });
    const { version } = await saveAs(A.hebei!, draftId, {
      codePrefix: "HBX",
      periodStart: "2027-01-01",
      periodEnd: "2027-12-31",
    });
    const e = await publishDraft(A.hebei!, { draftId, version }).catch(
      (x: { code: string; fieldErrors: unknown }) => x,
    );
    expect(e).toMatchObject({ code: "VALIDATION", fieldErrors: { tree: "noMeasure" } });
  });
});
