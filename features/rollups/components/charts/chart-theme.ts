// Colours and sizes shared by the roll-up charts. The rate scale must stay readable in greyscale:
// its stops get lighter from 0% to 100% (dark red → amber → light green), and "no data" is told
// apart by a stripe pattern, not by hue alone (chart-theme.test.ts checks both).

/** visualMap stops for a completion rate of 0% → 50% → 100%. */
export const RATE_COLORS = ["#b91c1c", "#f59e0b", "#86efac"] as const;

/** Fill of a region with no tasks (rate null) or no federation data (台湾/香港/澳门). */
export const NO_DATA_COLOR = "#e2e8f0";

/** Diagonal stripes drawn over NO_DATA_COLOR (ECharts decal). */
export const NO_DATA_DECAL = {
  color: "rgba(71, 85, 105, 0.4)",
  dashArrayX: [1, 0],
  dashArrayY: [2, 5],
  symbolSize: 1,
  rotation: Math.PI / 4,
};

export const REGION_BORDER_COLOR = "#ffffff";
export const REGION_HOVER_BORDER_COLOR = "#0f172a";
export const AXIS_TEXT_COLOR = "#475569";
export const TREND_LINE_COLOR = "#c0262d"; // brand-600
export const TREND_BAR_COLOR = "#cbd5e1"; // slate-300: much lighter than the line, also in greyscale

/** Tailwind height classes: the skeleton and the chart use the same ones so nothing jumps. */
export const MAP_HEIGHT_CLASS = "h-[300px] md:h-[480px]";
export const TREND_HEIGHT_CLASS = "h-[280px] md:h-[360px]";

/** Below this container width (px) the charts switch to their phone layout (ECharts media query). */
export const COMPACT_MAX_WIDTH = 520;
