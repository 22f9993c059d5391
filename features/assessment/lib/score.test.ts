import { describe, expect, it } from "vitest";
import { ZSchemeRules } from "../schemas";
import { emptyFacts, gradeOf, isVetoed, rank, scoreUnit, sheetOf, targetRatio, type TLine } from "./score";

const scheme = ZSchemeRules.parse({
  base: 60,
  rules: [
    {
      id: "done",
      kind: "COMPLETED",
      points: 2,
      weights: { LOW: 0.5, NORMAL: 1, HIGH: 1.5, URGENT: 2 },
      max: 20,
    },
    { id: "ontime", kind: "ON_TIME", points: 1 },
    { id: "ind", kind: "INDICATOR", indicatorId: 7, points: 10, capRatio: 1.2 },
    { id: "late", kind: "OVERDUE", points: 1.5, max: 4 },
    { id: "miss", kind: "MISSING_REPORT", points: 0.25 },
  ],
  bands: { EXCELLENT: 90, GOOD: 80, PASS: 60 },
});

describe("考评 arithmetic", () => {
  it("scores every line by hand: weights, caps, ratio caps, deductions, items and an objection", () => {
    const f = emptyFacts();
    f.completed = { LOW: 1, NORMAL: 3, HIGH: 2, URGENT: 0 }; // 2×(0.5 + 3 + 3) = 13
    f.counts.ON_TIME = 4; // 4
    f.counts.OVERDUE = 3; // 4.5, capped at 4 → −4
    f.counts.MISSING_REPORT = 3; // −0.75
    f.indicators.set(7, [{ target: 80, actual: 60, direction: "HIGHER" }]); // 10 × 0.75 = 7.5
    const items = [
      { id: 1, kind: "BONUS" as const, points: 3, reason: "表彰" },
      { id: 2, kind: "DEDUCTION" as const, points: 1.25, reason: "通报批评" },
    ];
    const sheet = scoreUnit(scheme, f, { items });
    expect(sheet.lines.map((l) => [l.key, l.count, l.points])).toEqual([
      ["done", 6, 13],
      ["ontime", 4, 4],
      ["ind", 1, 7.5],
      ["late", 3, -4],
      ["miss", 3, -0.75],
      ["item:1", 1, 3],
      ["item:2", 1, -1.25],
    ]);
    // 60 + 13 + 4 + 7.5 − 4 − 0.75 + 3 − 1.25 = 81.5 → 良好
    expect([sheet.total, sheet.grade, sheet.vetoed]).toEqual([81.5, "GOOD", false]);

    // An accepted objection: the 逾期 line becomes −1.5 → 84
    const fixed = scoreUnit(scheme, f, { items, overrides: new Map([["late", -1.5]]) });
    expect(fixed.lines.find((l) => l.key === "late")).toMatchObject({ points: -1.5, original: -4 });
    expect(fixed.total).toBe(84);

    // A veto caps the grade, not the score.
    const vetoed = scoreUnit(scheme, f, {
      items: [...items, { id: 3, kind: "VETO", points: 0, reason: "安全事故" }],
      overrides: new Map([["late", 10]]),
    });
    expect([vetoed.total, vetoed.grade, vetoed.vetoed]).toEqual([95.5, "FAIL", true]);
  });

  it("caps the completed line and the indicator ratio; lower-is-better indicators invert", () => {
    const f = emptyFacts();
    f.completed.URGENT = 10; // 2 × 2 × 10 = 40 → capped at 20
    f.indicators.set(7, [{ target: 50, actual: 100, direction: "HIGHER" }]); // ratio 2 → 1.2 → 12
    const s = scoreUnit(scheme, f);
    expect(s.lines.slice(0, 3).map((l) => l.points)).toEqual([20, 0, 12]);
    expect(targetRatio({ target: 10, actual: 8, direction: "LOWER" })).toBe(1.25);
    expect(targetRatio({ target: 10, actual: null, direction: "HIGHER" })).toBe(0);
    expect(targetRatio({ target: null, actual: 5, direction: "HIGHER" })).toBe(0);
  });

  it("a lifted veto line no longer caps the grade; a standing one does", () => {
    const veto: TLine = { key: "item:3", kind: "VETO", count: 1, points: 0 };
    const bonus: TLine = { key: "item:4", kind: "BONUS", count: 1, points: 31 };
    // 60 + 31 = 91: 优秀 unless a standing veto caps it at 不合格.
    expect(sheetOf(scheme, [bonus, veto], true)).toMatchObject({ total: 91, grade: "FAIL", vetoed: true });
    const lifted = scoreUnit(scheme, emptyFacts(), {
      items: [{ id: 3, kind: "VETO", points: 0, reason: "安全事故" }],
    });
    expect(lifted.vetoed).toBe(true);
    lifted.lines.find((l) => l.kind === "VETO")!.lifted = true;
    lifted.lines.push(bonus);
    expect(isVetoed(lifted.lines)).toBe(false);
    expect(isVetoed([...lifted.lines, veto])).toBe(true);
    const after = sheetOf(scheme, lifted.lines, isVetoed(lifted.lines));
    expect([after.total, after.grade]).toEqual([91, "EXCELLENT"]);
  });

  it("grades at the band edges and ranks equal totals together", () => {
    expect(gradeOf(9000, scheme, false)).toBe("EXCELLENT");
    expect(gradeOf(8999, scheme, false)).toBe("GOOD");
    expect(gradeOf(6000, scheme, false)).toBe("PASS");
    expect(gradeOf(5999, scheme, false)).toBe("FAIL");
    expect(gradeOf(9500, { ...scheme, vetoGrade: "PASS" }, true)).toBe("PASS");
    expect(gradeOf(5000, { ...scheme, vetoGrade: "PASS" }, true)).toBe("FAIL");
    const r = rank([
      { id: "a", total: 80 },
      { id: "b", total: 92 },
      { id: "c", total: 80 },
      { id: "d", total: 70.5 },
    ]);
    expect(r.map((x) => [x.id, x.rank])).toEqual([
      ["b", 1],
      ["a", 2],
      ["c", 2],
      ["d", 4],
    ]);
  });

  it("refuses a scheme with bands out of order, duplicate rule ids or 3-decimal points", () => {
    const bad = ZSchemeRules.safeParse({
      base: 60.005,
      rules: [
        { id: "x", kind: "ON_TIME", points: 1 },
        { id: "x", kind: "NUDGED", points: 1 },
      ],
      bands: { EXCELLENT: 80, GOOD: 80, PASS: 60 },
    });
    expect(bad.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["base", "decimals"],
      ["rules.1.id", "duplicate"],
      ["bands", "bandsOrder"],
    ]);
  });
});
