import { describe, expect, it } from "vitest";
import { NO_DATA_COLOR, RATE_COLORS, TREND_BAR_COLOR, TREND_LINE_COLOR } from "./chart-theme";

/** WCAG relative luminance of "#rrggbb": what a greyscale print keeps of a colour. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

describe("chart colours in greyscale", () => {
  it("the rate scale gets clearly lighter from 0% to 100%", () => {
    const l = RATE_COLORS.map(luminance);
    for (let i = 1; i < l.length; i++) expect(l[i]! / l[i - 1]!).toBeGreaterThan(1.25);
  });
  it("'no tasks' (light grey, striped) cannot be mistaken for 0% (dark red)", () => {
    expect(luminance(NO_DATA_COLOR) / luminance(RATE_COLORS[0])).toBeGreaterThan(3);
  });
  it("the trend's line stands out from its bars", () => {
    expect(luminance(TREND_BAR_COLOR) / luminance(TREND_LINE_COLOR)).toBeGreaterThan(3);
  });
});
