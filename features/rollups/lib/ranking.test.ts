import { describe, expect, it } from "vitest";
import { emptyCounts, toMetrics } from "./metrics";
import { pickMentions, rankRegions } from "./ranking";

const region = (name: string, c: Partial<ReturnType<typeof emptyCounts>>) => ({
  name,
  metrics: toMetrics({ ...emptyCounts(), ...c }),
});
// n tasks of which `done` completed (on time), the rest in progress at 0 %.
const rate = (name: string, n: number, done: number) =>
  region(name, { completed: done, completedOnTime: done, inProgress: n - done, progressSum: done * 100 });
const names = (rows: { name: string }[]) => rows.map((r) => r.name);

describe("rankRegions", () => {
  it("ranks by completion, then progress, then on-time rate, then fewer overdue; ties share a rank; no tasks, no rank", () => {
    const ranked = rankRegions([
      region("A", { completed: 1, inProgress: 3 }), // 25 %
      region("B", { completed: 2, completedOnTime: 2, inProgress: 2 }), // 50 %, all on time
      region("C", { completed: 2, completedOnTime: 1, inProgress: 2 }), // 50 %, half on time
      region("D", {}), // no tasks
      region("E", { completed: 1, inProgress: 3, overdue: 2 }), // 25 %, 2 overdue
      region("F", { completed: 1, inProgress: 3 }), // same as A
      region("G", { completed: 1, inProgress: 3, progressSum: 120 }), // 25 %, but progress 30 % (A: 25 %)
    ]);
    expect(ranked.map((r) => `${r.rank}${r.name}`)).toEqual(["1B", "2C", "3G", "4A", "4F", "6E"]);
  });

  it("compares as printed: progress 4.5454 % and 4.5450 % both read 4.5 % and share a rank", () => {
    const ranked = rankRegions([
      region("X", { inProgress: 1, progressSum: 4.5454 }),
      region("Y", { inProgress: 1, progressSum: 4.545 }),
      region("Z", { inProgress: 1, progressSum: 4.4 }),
    ]);
    expect(ranked.map((r) => `${r.rank}${r.name}`)).toEqual(["1X", "1Y", "3Z"]);
  });
});

describe("pickMentions", () => {
  it("the issue's national view: 河北 in progress at 4.5 %, 30 provinces at 0 % tied — none of them praised", () => {
    const rows = [
      region("北京", { pendingSign: 1 }),
      region("天津", { pendingSign: 1 }),
      region("河北", { inProgress: 1, progressSum: 100 / 22 }),
      ...Array.from({ length: 28 }, (_, i) => region(`省${i}`, { pendingSign: 1 })),
    ];
    const ranked = rankRegions(rows);
    // By hand: 河北 alone at rank 1; the other 30 tie at rank 2.
    expect(ranked[0]).toMatchObject({ name: "河北", rank: 1 });
    expect(ranked.filter((r) => r.rank === 2)).toHaveLength(30);
    const m = pickMentions(ranked);
    expect(names(m.top)).toEqual(["河北"]);
    expect(m.topTie).toBeNull(); // the tie below 河北 did nothing: not praised, no tie to report
    expect(names(m.bottom)).toEqual([]); // 30 tied at the bottom: none of them singled out
    expect(m.bottomTie).toEqual({ rank: 2, count: 30 });
  });

  it("a tie straddling the cut-off is named whole or not at all: only those above it", () => {
    // 10 units, limit 3. Rates (by hand): A 80, B 60, C = D 50, E 40, F 30, G 25, H 20, I = J 10 (%).
    const ranked = rankRegions([
      rate("A", 10, 8),
      rate("B", 10, 6),
      rate("C", 10, 5),
      rate("D", 10, 5),
      rate("E", 10, 4),
      rate("F", 10, 3),
      rate("G", 20, 5),
      rate("H", 10, 2),
      rate("I", 10, 1),
      rate("J", 10, 1),
    ]);
    expect(ranked.map((r) => `${r.rank}${r.name}`).join(" ")).toBe("1A 2B 3C 3D 5E 6F 7G 8H 9I 9J");
    const m = pickMentions(ranked);
    // Top: A, B fit; C and D share rank 3 and would make 4 names: stop before them.
    expect(names(m.top)).toEqual(["A", "B"]);
    expect(m.topTie).toEqual({ rank: 3, count: 2 });
    // Bottom: I and J (tied, both fit), then H makes 3; the list is full, G is not cut by a tie.
    expect(names(m.bottom)).toEqual(["H", "I", "J"]);
    expect(m.bottomTie).toBeNull();
  });

  it("a bottom tie that does not fit names nobody at the bottom", () => {
    // 8 units: A 90 %, B 70 %, C 60 %, then five at 20 % (rank 4).
    const ranked = rankRegions([
      rate("A", 10, 9),
      rate("B", 10, 7),
      rate("C", 10, 6),
      ...["D", "E", "F", "G", "H"].map((n) => rate(n, 10, 2)),
    ]);
    const m = pickMentions(ranked);
    expect(names(m.top)).toEqual(["A", "B", "C"]);
    expect(names(m.bottom)).toEqual([]);
    expect(m.bottomTie).toEqual({ rank: 4, count: 5 });
  });

  it("never praises no completion and no progress; never urges a unit that completed everything", () => {
    // 4 units: A and B completed all (A on time, B half on time), C 50 % done, D nothing at all.
    const ranked = rankRegions([
      rate("D", 4, 0),
      region("B", { completed: 2, completedOnTime: 1, progressSum: 200 }),
      rate("C", 4, 2),
      rate("A", 2, 2),
    ]);
    expect(ranked.map((r) => `${r.rank}${r.name}`).join(" ")).toBe("1A 2B 3C 4D");
    const m = pickMentions(ranked); // at most 2 each (half of 4)
    expect(names(m.top)).toEqual(["A", "B"]);
    expect(names(m.bottom)).toEqual(["C", "D"]);

    // Only A and B left: B completed everything, so nobody is urged.
    const done = pickMentions(
      rankRegions([rate("A", 2, 2), region("B", { completed: 2, progressSum: 200 })]),
    );
    expect(names(done.top)).toEqual(["A"]);
    expect(names(done.bottom)).toEqual([]);

    // Three units, none with completion or progress, one with fewer overdue: nobody is praised.
    const idle = pickMentions(
      rankRegions([rate("P", 2, 0), rate("Q", 2, 0), region("R", { pendingSign: 2, overdue: 2 })]),
    );
    expect(names(idle.top)).toEqual([]);
    expect(idle.topTie).toBeNull();
    expect(names(idle.bottom)).toEqual(["R"]);
  });

  it("never names a region in both lists, also when a tie stops the top list", () => {
    // 5 units: A and B tie at the top (40 %), C, D, E tie below (20 %); at most 2 names per list.
    const ranked = rankRegions([
      rate("A", 5, 2),
      rate("B", 5, 2),
      ...["C", "D", "E"].map((n) => rate(n, 5, 1)),
    ]);
    const m = pickMentions(ranked);
    expect(names(m.top)).toEqual(["A", "B"]);
    expect(names(m.bottom)).toEqual([]);
    expect(m.bottomTie).toEqual({ rank: 3, count: 3 });

    // Top tie of 3 (limit 2): nobody on top; the bottom stops at that tie rather than naming its members.
    const m2 = pickMentions(
      rankRegions([
        ...["A", "B", "C"].map((n) => rate(n, 5, 2)),
        rate("D", 5, 1),
        region("E", { inProgress: 5, progressSum: 50 }),
      ]),
    );
    expect(names(m2.top)).toEqual([]);
    expect(m2.topTie).toEqual({ rank: 1, count: 3 });
    expect(names(m2.bottom)).toEqual(["D", "E"]);
    const both = [...m2.top, ...m2.bottom].map((r) => r.name);
    expect(new Set(both).size).toBe(both.length);
  });

  it("all alike, or a single unit: nobody is named", () => {
    const alike = pickMentions(rankRegions(["A", "B", "C", "D"].map((n) => rate(n, 4, 1))));
    expect(alike).toEqual({ top: [], bottom: [], topTie: null, bottomTie: null });
    const one = pickMentions(rankRegions([rate("A", 4, 1)]));
    expect(one).toEqual({ top: [], bottom: [], topTie: null, bottomTie: null });
  });
});
