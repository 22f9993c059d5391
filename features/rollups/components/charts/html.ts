// ECharts tooltips are HTML strings: every text that comes from data or the catalogue goes through this.
const ENTITIES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}

/** One "label … value" row of a tooltip; both parts are escaped here. */
export function tooltipRow(label: string, value: string, marker = ""): string {
  return (
    `<div style="display:flex;justify-content:space-between;gap:16px">` +
    `<span>${marker}${escapeHtml(label)}</span><b style="font-variant-numeric:tabular-nums">${escapeHtml(value)}</b></div>`
  );
}
