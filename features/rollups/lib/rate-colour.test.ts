import { describe, expect, it } from "vitest";
import { RATE_TEXT_COLOUR, rateColour } from "./rate-colour";
import { completionHref, tasksHref } from "./completion-url";

describe("rateColour", () => {
  it("maps 0, 50 and 100 % to the red, amber and green stops and clamps outside", () => {
    expect(rateColour(0)).toBe("rgb(248, 113, 113)");
    expect(rateColour(0.5)).toBe("rgb(252, 211, 77)");
    expect(rateColour(1)).toBe("rgb(187, 247, 208)");
    expect(rateColour(1.7)).toBe(rateColour(1));
    expect(rateColour(-1)).toBe(rateColour(0));
  });
  it("gets lighter as the rate rises, so greyscale print keeps the order", () => {
    const luma = (c: string) => {
      const [r, g, b] = c.match(/\d+/g)!.map(Number);
      return 0.299 * r! + 0.587 * g! + 0.114 * b!;
    };
    const l = [0, 0.25, 0.5, 0.75, 1].map((r) => luma(rateColour(r)));
    for (let i = 1; i < l.length; i++) expect(l[i]!).toBeGreaterThan(l[i - 1]!);
  });
  it("keeps the cell and legend text at WCAG AA contrast (4.5:1) on every colour", () => {
    // WCAG 2.1 relative luminance and contrast ratio.
    const lum = (c: string) => {
      const lin = c
        .match(/\d+/g)!
        .map(Number)
        .map((v) => (v / 255 <= 0.03928 ? v / 255 / 12.92 : ((v / 255 + 0.055) / 1.055) ** 2.4));
      return 0.2126 * lin[0]! + 0.7152 * lin[1]! + 0.0722 * lin[2]!;
    };
    const ratio = (a: string, b: string) => {
      const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
      return (hi! + 0.05) / (lo! + 0.05);
    };
    // The text is dark: the darkest colour (red at 0 %) is the hardest case. Slate-600 would fail there.
    expect(ratio("rgb(71, 85, 105)", rateColour(0))).toBeLessThan(4.5);
    const rates = [null, ...Array.from({ length: 21 }, (_, i) => i / 20)];
    for (const r of rates)
      expect(ratio(RATE_TEXT_COLOUR, rateColour(r)), String(r)).toBeGreaterThanOrEqual(4.5);
  });
  it("interpolates between stops and greys out a missing rate", () => {
    expect(rateColour(0.25)).toBe("rgb(250, 162, 95)");
    expect(rateColour(null)).toBe("rgb(241, 245, 249)");
  });
});

describe("completion links", () => {
  it("keeps org, scope, view and page, leaving defaults out", () => {
    expect(completionHref({})).toBe("/completion");
    expect(completionHref({ org: 5, objective: "3.2", view: "heatmap", page: 2 })).toBe(
      "/completion?org=5&objective=3.2&view=heatmap&page=2",
    );
    expect(completionHref({ org: 5, view: "table", page: 1 })).toBe("/completion?org=5");
  });
  it("links figures to the filtered task list", () => {
    expect(tasksHref({ org: 9, overdue: true })).toBe("/tasks?org=9&counted=1&overdue=1");
    expect(tasksHref({ org: 9, objective: "3.1.2", main: 3 })).toBe(
      "/tasks?org=9&counted=1&objective=3.1.2&main=3",
    );
  });
});
