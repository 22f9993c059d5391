// Indicator values (targets, cumulative actuals) as the forms send them: numbers with at most 6
// decimal places (features/tasks/schemas.ts#zIndicatorValue), written to numeric(20,6) columns.

/** `value`: a number from the schema, or an exact decimal string. */
export type TIndicatorValue = { indicatorId: number; value: number | string };

/** A value as a decimal string for SQL (`::numeric`), never in exponent notation. */
export const decimalText = (v: number | string) =>
  typeof v === "string" ? v.trim() : v.toFixed(6).replace(/0+$/, "").replace(/\.$/, "");

/** Reported values as JSON for ProgressUpdate.indicatorValues (values as decimal strings). */
export function indicatorValuesJson(values: readonly TIndicatorValue[] | undefined): string | null {
  if (!values?.length) return null;
  return JSON.stringify(values.map((v) => ({ indicatorId: v.indicatorId, value: decimalText(v.value) })));
}
