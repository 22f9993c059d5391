"use client";
import { useEffect, useState } from "react";
import { countTargetOrgsAction } from "../actions";
import type { TCountTargets } from "../schemas";

export type TReach = { orgs: number | null; loading: boolean };

/**
 * How many orgs the current target choice reaches, counted on the server within the assigning
 * org's scope (the same rule as the 下达 itself); null while unknown or when the choice is invalid.
 */
export function useTargetReach(target: TCountTargets["target"], parentTaskId?: number): TReach {
  const [reach, setReach] = useState<TReach>({ orgs: null, loading: true });
  const key = JSON.stringify(target);
  useEffect(() => {
    const choice = JSON.parse(key) as TCountTargets["target"];
    if (choice.mode === "orgs" && choice.orgIds.length === 0) {
      setReach({ orgs: 0, loading: false });
      return;
    }
    let live = true;
    setReach((r) => ({ ...r, loading: true }));
    const timer = setTimeout(async () => {
      const res = await countTargetOrgsAction({ target: choice, parentTaskId });
      if (live) setReach({ orgs: res.ok ? res.data.orgs : null, loading: false });
    }, 200);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [key, parentTaskId]);
  return reach;
}
