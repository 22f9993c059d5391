/** An indicator definition as the pages and forms show it. */
export type TIndicatorDef = {
  id: number;
  name: string;
  unit: string;
  aggregation: "SUM" | "AVERAGE";
  direction: "HIGHER" | "LOWER";
  retired: boolean;
};
