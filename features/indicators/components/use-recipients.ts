"use client";
import { useEffect, useState } from "react";
import type { TAssignTasks } from "@/features/tasks/schemas";
import { indicatorRecipientsAction } from "../actions";
import type { TSplitRecipient } from "../lib/split-state";

export type TRecipients =
  | { state: "idle" | "loading" }
  | { state: "ready"; rows: TSplitRecipient[] }
  | { state: "error"; code: string };

/**
 * The orgs the current 下达 choice reaches, with their member counts, from the server (the 下达's
 * own scope and target rule); fetched only while `enabled` (an indicator split is shown).
 */
export function useRecipients(
  target: TAssignTasks["target"],
  parentTaskId: number | undefined,
  enabled: boolean,
) {
  const [res, setRes] = useState<TRecipients>({ state: "idle" });
  const key = JSON.stringify(target);
  useEffect(() => {
    const choice = JSON.parse(key) as TAssignTasks["target"];
    if (!enabled || (choice.mode === "orgs" && choice.orgIds.length === 0)) {
      setRes({ state: "idle" });
      return;
    }
    let live = true;
    setRes({ state: "loading" });
    const timer = setTimeout(async () => {
      const r = await indicatorRecipientsAction({ target: choice, parentTaskId });
      if (live) setRes(r.ok ? { state: "ready", rows: r.data } : { state: "error", code: r.code });
    }, 250);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [key, parentTaskId, enabled]);
  return res;
}
