import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays, formatDay } from "@/lib/dates";
import { ZDecideObjection, ZItemInput, ZPublishResult, ZRaiseObjection } from "@/features/assessment/schemas";
import { computeScores, loadScheme } from "@/features/assessment/server/compute";
import { addItem, withdrawItem } from "@/features/assessment/server/items";
import { decideObjection, raiseObjection } from "@/features/assessment/server/objections";
import { publishResult } from "@/features/assessment/server/publish-result";
import { readResult, readResultSheet } from "@/features/assessment/server/result-read";
import { readLiveSheet } from "@/features/assessment/server/scores-read";
import { codeOf, type TTestActor } from "../helpers/actors";
import type { TTestDb } from "../helpers/test-db";
import { noon, PY, seedResultsFixture, today } from "./assessment-results-fixture";

// 考评 results, every figure by hand. 河北 scores its 11 cities for LAST year (PY, so that every
// day below is in the past) with base 80, 按期完成 +5 each, 逾期 −3 each; bands 90 / 80 / 60; a veto
// caps at 不合格. The record (tasks made 5 January PY):
//
//   石家庄  A due 31 Mar, done 20 Mar (+5);  B due 30 Jun, open (逾期 −3);  item 加分 3  → 85 良好
//   唐山    A due 31 Mar, done 20 Mar (+5);  B due 30 Jun, done 20 Jun (+5);
//           item 扣分 2, withdrawn                                          → 90 优秀
//   邯郸    item 一票否决                                                    → 80 不合格
//   the other 8 cities                                                     → 80 良好
//
// Ranking at publication: 唐山 1, 石家庄 2, the other nine 3.
// After publication 石家庄's B is completed on 20 Jun (on time): the live score becomes 80+5+5+3 = 93,
// the published result stays 85. Objections of 石家庄: 按期完成 accepted at 10 points → 80+10−3+3 = 90
// 优秀, rank 1 together with 唐山 (the others stay 3); 逾期 rejected (unchanged).
let t: TTestDb;
let A: Record<string, TTestActor>;
const org = (code: string) => t.db.org.findUniqueOrThrow({ where: { code } });
let ids: Record<"hebei" | "sjz" | "ts" | "hd", number>;
let schemeId: number;
let tsActor: TTestActor;
let resultId: number;
let sjzA: number;
let sjzB: number;

beforeAll(async () => {
  ({ t, A, ids, tsActor, sjzA, sjzB, schemeId } = await seedResultsFixture());
});
afterAll(async () => t?.close());

const item = (orgId: number, [kind, points, reason]: ["BONUS" | "DEDUCTION" | "VETO", number | "", string]) =>
  ZItemInput.parse({ seriesId: schemeId, orgId, kind, points, reason });
const audits = (action: string) => t.db.auditEvent.findMany({ where: { action }, orderBy: { id: "asc" } });

describe("考评 items, publication and 申诉", () => {
  it("refuses items and publication on a draft, outside the org, and for a unit not scored", async () => {
    const draft = await t.db.assessmentScheme.create({
      data: {
        orgId: ids.hebei,
        year: PY,
        title: "草稿",
        scope: "DIRECT",
        rules: { base: 80, rules: [], bands: { EXCELLENT: 90, GOOD: 80, PASS: 60 }, vetoGrade: "FAIL" },
        createdById: A.hebei!.id,
      },
    });
    const onDraft = ZItemInput.parse({
      seriesId: draft.id,
      orgId: ids.sjz,
      kind: "BONUS",
      points: 1,
      reason: "x",
    });
    expect(await codeOf(addItem(A.hebei!, onDraft))).toBe("ASSESSMENT_NOT_PUBLISHED");
    const publishDraft = ZPublishResult.parse({ schemeId: draft.id, objectionDeadline: formatDay(today) });
    expect(await codeOf(publishResult(A.hebei!, publishDraft))).toBe("ASSESSMENT_NOT_PUBLISHED");
    // 石家庄 (a unit scored) and 湖北 (another region) do not run 河北's scheme.
    expect(await codeOf(addItem(A.shijiazhuang!, item(ids.sjz, ["BONUS", 3, "x"])))).toBe("NOT_FOUND");
    expect(await codeOf(addItem(A.hubei!, item(ids.sjz, ["BONUS", 3, "x"])))).toBe("NOT_FOUND");
    expect(await codeOf(addItem(A["zhengding.chair"]!, item(ids.sjz, ["BONUS", 3, "x"])))).toBe("FORBIDDEN");
    // 正定 is a county: the scheme scores 河北's cities only.
    const zd = await org("130123");
    await expect(addItem(A.hebei!, item(zd.id, ["BONUS", 3, "x"]))).rejects.toMatchObject({
      code: "VALIDATION",
      fieldErrors: { orgId: "notScored" },
    });
    // The form's schema: a bonus needs points, a veto carries none.
    expect(
      ZItemInput.safeParse({ seriesId: schemeId, orgId: ids.sjz, kind: "BONUS", points: "", reason: "x" })
        .success,
    ).toBe(false);
    expect(item(ids.hd, ["VETO", "", "x"]).points).toBe(0);
    expect(await t.db.assessmentItem.count()).toBe(0);
  });

  it("adds a bonus, a veto and a withdrawn deduction, and scores them live", async () => {
    await addItem(A.hebei!, item(ids.sjz, ["BONUS", 3, "抢险救灾表彰"]));
    await addItem(A.hebei!, item(ids.hd, ["VETO", "", "重大安全事故"]));
    const { itemId } = await addItem(A.hebei!, item(ids.ts, ["DEDUCTION", 2, "信息报送差错"]));
    expect(await codeOf(withdrawItem(A.shijiazhuang!, { itemId }))).toBe("NOT_FOUND");
    await withdrawItem(A.hebei!, { itemId });
    expect(await codeOf(withdrawItem(A.hebei!, { itemId }))).toBe("ASSESSMENT_STALE");
    const withdrawn = await t.db.assessmentItem.findUniqueOrThrow({ where: { id: itemId } });
    expect(withdrawn.withdrawnById).toBe(A.hebei!.id);
    expect((await audits("assessment.item")).map((a) => (a.detail as { op: string }).op)).toEqual([
      "add",
      "add",
      "add",
      "withdraw",
    ]);

    const live = await readLiveSheet(A.hebei!, { schemeId, orgId: ids.sjz, asOf: today });
    expect([live.unit.total, live.unit.grade, live.unit.rank]).toEqual([85, "GOOD", 2]);
    expect(Object.fromEntries(live.unit.lines.map((l) => [l.kind, [l.count, l.points]]))).toEqual({
      ON_TIME: [1, 5],
      OVERDUE: [1, -3],
      BONUS: [1, 3],
    });
    // The records behind the lines: 石家庄's A on time, B overdue.
    expect(live.refs.ontime!.map((r) => r.code)).toEqual(["3.2.1.1"]);
    expect(live.refs.overdue!.map((r) => [r.taskId, r.code])).toEqual([[sjzB, "3.2.1.2"]]);
    expect(live.items.map((i) => i.kind)).toEqual(["BONUS"]);
    // The withdrawn deduction is history on 唐山's sheet and does not count.
    const tsLive = await readLiveSheet(A.hebei!, { schemeId, orgId: ids.ts, asOf: today });
    expect([tsLive.unit.total, tsLive.unit.grade, tsLive.unit.rank]).toEqual([90, "EXCELLENT", 1]);
    expect(tsLive.items.map((i) => [i.kind, i.withdrawnAt !== null])).toEqual([["DEDUCTION", true]]);
    const hd = await readLiveSheet(A.hebei!, { schemeId, orgId: ids.hd, asOf: today });
    expect([hd.unit.total, hd.unit.grade, hd.unit.vetoed]).toEqual([80, "FAIL", true]);
    // Only 河北 and the orgs above read the live scores.
    expect(await codeOf(readLiveSheet(A.shijiazhuang!, { schemeId, orgId: ids.sjz, asOf: today }))).toBe(
      "NOT_FOUND",
    );
  });

  it("publishes a frozen result that later changes of the record leave alone", async () => {
    const deadline = formatDay(addDays(today, 3));
    const bad = ZPublishResult.parse({
      schemeId,
      asOf: formatDay(addDays(today, 1)),
      objectionDeadline: formatDay(addDays(today, -1)),
    });
    await expect(publishResult(A.hebei!, bad)).rejects.toMatchObject({
      code: "VALIDATION",
      fieldErrors: { asOf: "asOfFuture", objectionDeadline: "deadlinePast" },
    });
    expect(
      await codeOf(
        publishResult(A.shijiazhuang!, ZPublishResult.parse({ schemeId, objectionDeadline: deadline })),
      ),
    ).toBe("NOT_FOUND");
    const r = await publishResult(
      A.hebei!,
      ZPublishResult.parse({
        schemeId,
        asOf: "",
        objectionDeadline: deadline,
        docNumber: "冀工发〔2026〕1号",
      }),
    );
    resultId = r.resultId;
    expect(r.units).toBe(11);
    const row = await t.db.assessmentResult.findUniqueOrThrow({ where: { id: resultId } });
    expect([formatDay(row.asOf), formatDay(row.objectionDeadline), row.docNumber]).toEqual([
      formatDay(today),
      deadline,
      "冀工发〔2026〕1号",
    ]);

    // The record changes: 石家庄's B completed on time, and a new bonus for 邯郸.
    await t.db.task.update({ where: { id: sjzB }, data: { completedAt: noon(6, 20) } });
    await addItem(A.hebei!, item(ids.hd, ["BONUS", 5, "后加的加分"]));
    const scheme = (await loadScheme(t.db, schemeId))!;
    const live = new Map((await computeScores(t.db, scheme, today)).map((x) => [x.id, x]));
    expect([live.get(ids.sjz)!.total, live.get(ids.hd)!.total]).toEqual([93, 85]);

    const { result, rows } = await readResult(A.hebei!, resultId);
    expect(result.view).toBe("FULL");
    expect(rows).toHaveLength(11);
    const by = new Map(rows.map((x) => [x.orgId, x]));
    expect(
      [by.get(ids.ts), by.get(ids.sjz), by.get(ids.hd)].map((x) => [x!.total, x!.grade, x!.rank, x!.vetoed]),
    ).toEqual([
      [90, "EXCELLENT", 1, false],
      [85, "GOOD", 2, false],
      [80, "FAIL", 3, true],
    ]);
    expect(rows.filter((x) => x.rank === 3 && x.total === 80)).toHaveLength(9);
    const sheet = await readResultSheet(A.hebei!, { resultId, orgId: ids.sjz });
    expect(sheet.lines.map((l) => [l.key.startsWith("item:") ? "item" : l.key, l.count, l.points])).toEqual([
      ["ontime", 1, 5],
      ["overdue", 1, -3],
      ["item", 1, 3],
    ]);
    expect((await audits("assessment.result")).map((a) => a.targetId)).toEqual([String(resultId)]);
  });

  it("shows a unit its own sheet only; siblings and outsiders find nothing", async () => {
    const own = await readResult(A.shijiazhuang!, resultId);
    expect([own.result.view, own.rows.length]).toEqual(["UNIT", 0]);
    const sheet = await readResultSheet(A.shijiazhuang!, { resultId, orgId: ids.sjz });
    expect([sheet.total, sheet.rank, sheet.canObject, sheet.canDecide]).toEqual([85, 2, true, false]);
    // The records behind the lines, frozen at publication: B (completed on time since) is still the
    // overdue one, and A the only one on time; the live sheet now names both as on time.
    const ref = (r: { taskId: number; code: string }) => [r.taskId, r.code];
    expect([sheet.refs.ontime!.map(ref), sheet.refs.overdue!.map(ref)]).toEqual([
      [[sjzA, "3.2.1.1"]],
      [[sjzB, "3.2.1.2"]],
    ]);
    const live = await readLiveSheet(A.hebei!, { schemeId, orgId: ids.sjz, asOf: today });
    expect([live.refs.ontime!.map(ref), live.refs.overdue!.map(ref)]).toEqual([
      [
        [sjzA, "3.2.1.1"],
        [sjzB, "3.2.1.2"],
      ],
      [],
    ]);
    expect(await codeOf(readResultSheet(A.shijiazhuang!, { resultId, orgId: ids.ts }))).toBe("NOT_FOUND");
    expect(await codeOf(readResultSheet(tsActor, { resultId, orgId: ids.sjz }))).toBe("NOT_FOUND");
    for (const outsider of [A.hubei!, A.wuhan!, A.zhengding!])
      expect(await codeOf(readResult(outsider, resultId))).toBe("NOT_FOUND");
    // 全总 (above 河北) reads it in full but does not run the scheme.
    const above = await readResult(A.acftu!, resultId);
    expect([above.result.view, above.result.runs, above.rows.length]).toEqual(["FULL", false, 11]);
    // A result published before the records were frozen (refs null) reads them from today's record
    // as of its day: B, completed on time since, is then on time and no longer overdue.
    await t.db.$executeRaw`UPDATE "AssessmentScore" SET refs = NULL
      WHERE "resultId" = ${resultId} AND "orgId" = ${ids.sjz}`;
    const old = await readResultSheet(A.hebei!, { resultId, orgId: ids.sjz });
    expect([old.refs.ontime!.map((r) => r.taskId), old.refs.overdue]).toEqual([[sjzA, sjzB], []]);
    await t.db.$executeRaw`UPDATE "AssessmentScore" SET refs = ${JSON.stringify(sheet.refs)}::jsonb
      WHERE "resultId" = ${resultId} AND "orgId" = ${ids.sjz}`;
  });

  it("takes objections until the deadline; 河北 accepts one (derived again) and rejects one", async () => {
    const raise = (a: TTestActor, lineKey: string, now?: Date) =>
      raiseObjection(a, ZRaiseObjection.parse({ resultId, lineKey, reason: "有佐证材料" }), now);
    // After the deadline (today + 3): refused.
    expect(await codeOf(raise(A.shijiazhuang!, "ontime", new Date(Date.now() + 5 * 86_400_000)))).toBe(
      "OBJECTION_CLOSED",
    );
    // Only the unit itself objects, to a line of its sheet.
    expect(await codeOf(raise(A.hebei!, "ontime"))).toBe("NOT_FOUND");
    expect(await codeOf(raise(A.hubei!, "ontime"))).toBe("NOT_FOUND");
    expect(await codeOf(raise(A.shijiazhuang!, "nosuchline"))).toBe("VALIDATION");
    const accepted = await raise(A.shijiazhuang!, "ontime");
    expect(await codeOf(raise(A.shijiazhuang!, "ontime"))).toBe("ALREADY_EXISTS");
    const rejected = await raise(A.shijiazhuang!, "overdue");

    const decide = (a: TTestActor, input: unknown) => decideObjection(a, ZDecideObjection.parse(input));
    // The unit and 全总 (reads, does not run) cannot decide.
    for (const a of [A.shijiazhuang!, A.acftu!])
      expect(
        await codeOf(decide(a, { objectionId: accepted.objectionId, decision: "ACCEPT", points: 10 })),
      ).toBe("NOT_FOUND");
    const pending = await readResult(A.hebei!, resultId);
    expect(pending.pending.map((p) => p.lineKey).sort()).toEqual(["ontime", "overdue"]);

    await decide(A.hebei!, {
      objectionId: accepted.objectionId,
      decision: "ACCEPT",
      points: 10,
      note: "核实无误",
    });
    await decide(A.hebei!, { objectionId: rejected.objectionId, decision: "REJECT", note: "逾期属实" });
    expect(
      await codeOf(decide(A.hebei!, { objectionId: rejected.objectionId, decision: "REJECT", note: "再次" })),
    ).toBe("ASSESSMENT_STALE");

    // 石家庄: 80 + 10 − 3 + 3 = 90 优秀, rank 1 with 唐山; the others stay 3.
    const sheet = await readResultSheet(A.shijiazhuang!, { resultId, orgId: ids.sjz });
    expect([sheet.total, sheet.grade, sheet.rank]).toEqual([90, "EXCELLENT", 1]);
    expect(sheet.lines.find((l) => l.key === "ontime")).toMatchObject({ points: 10, original: 5 });
    expect(sheet.lines.find((l) => l.key === "overdue")).toMatchObject({ points: -3 });
    expect(sheet.lines.find((l) => l.key === "overdue")!.original).toBeUndefined();
    expect(sheet.objections.map((o) => [o.lineKey, o.status, o.acceptedPoints, o.decisionNote])).toEqual([
      ["overdue", "REJECTED", null, "逾期属实"],
      ["ontime", "ACCEPTED", 10, "核实无误"],
    ]);
    const { rows, pending: none } = await readResult(A.hebei!, resultId);
    const by = new Map(rows.map((x) => [x.orgId, x]));
    expect([by.get(ids.ts)!.rank, by.get(ids.sjz)!.rank, by.get(ids.hd)!.rank]).toEqual([1, 1, 3]);
    expect([by.get(ids.ts)!.total, by.get(ids.hd)!.grade]).toEqual([90, "FAIL"]);
    expect(none).toEqual([]);
    expect((await audits("assessment.objection")).map((a) => (a.detail as { op: string }).op)).toEqual([
      "raise",
      "raise",
      "accept",
      "reject",
    ]);
  });

  it("lifts the veto when an objection to it is accepted (the grade is no longer capped)", async () => {
    const hd = await org("130400");
    const u = await t.db.user.create({
      data: { username: "hd.mgr", name: "邯郸督办员", role: "MANAGER", orgId: hd.id, passwordHash: "x" },
    });
    const hdActor = { ...A.shijiazhuang!, id: u.id, username: "hd.mgr", orgId: hd.id, orgName: hd.name };
    const own = await readResultSheet(hdActor, { resultId, orgId: hd.id });
    const veto = own.lines.find((l) => l.kind === "VETO")!;
    const { objectionId } = await raiseObjection(
      hdActor,
      ZRaiseObjection.parse({ resultId, lineKey: veto.key, reason: "事故责任不在本单位" }),
    );
    const accept = (points: number) =>
      decideObjection(A.hebei!, ZDecideObjection.parse({ objectionId, decision: "ACCEPT", points }));
    await expect(accept(5)).rejects.toMatchObject({
      code: "VALIDATION",
      fieldErrors: { points: "vetoPoints" },
    });
    expect([own.total, own.grade, own.vetoed]).toEqual([80, "FAIL", true]);
    await accept(0);
    const after = await readResultSheet(hdActor, { resultId, orgId: hd.id });
    // 80 without a veto: 良好 (80 ≥ 80), still rank 3 among the nine at 80; the line stays, lifted.
    expect([after.total, after.grade, after.vetoed, after.rank]).toEqual([80, "GOOD", false, 3]);
    expect(after.lines.find((l) => l.key === veto.key)).toMatchObject({
      kind: "VETO",
      points: 0,
      lifted: true,
    });
    expect(after.objections[0]!.status).toBe("ACCEPTED");
    const { rows } = await readResult(A.hebei!, resultId);
    expect(rows.find((x) => x.orgId === hd.id)).toMatchObject({ total: 80, grade: "GOOD", vetoed: false });
  });
});
