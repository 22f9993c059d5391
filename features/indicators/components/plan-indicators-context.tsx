"use client";
import { createContext, useContext } from "react";
import type { TIndicatorDef } from "../lib/types";

const Ctx = createContext<Record<number, TIndicatorDef[]> | null>(null);

/** The plan edit page hands each measure's indicators to the tree (mounted once around it). */
export function PlanIndicatorsProvider({
  value,
  children,
}: {
  value: Record<number, TIndicatorDef[]>;
  children: React.ReactNode;
}) {
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

/** null outside the provider (the tree shows no indicator section then). */
export const usePlanIndicators = (measureId: number): TIndicatorDef[] | null => {
  const all = useContext(Ctx);
  return all ? (all[measureId] ?? []) : null;
};
