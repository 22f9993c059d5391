"use client";
import { useCallback, useRef, useState } from "react";
import { planImportSaveDraftAction } from "../actions";
import type { TDraftTree } from "../lib/draft-tree";
import { ZSaveDraft, type TDraftMeta } from "../schemas";

export type TDraftState = { meta: TDraftMeta; tree: TDraftTree };
export type TSaveStatus = "saved" | "saving" | "invalid" | "error" | "conflict";

/**
 * The preview's state, saved on every edit: a tree edit at once, typing after a short pause. Saves
 * run one at a time, each with the version the previous one returned; a state that fails the shared
 * schema is not sent (its field errors are shown instead).
 */
export function useDraftAutosave(draftId: number, initial: TDraftState & { version: number }) {
  const [state, setState] = useState<TDraftState>({ meta: initial.meta, tree: initial.tree });
  const [status, setStatus] = useState<TSaveStatus>("saved");
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const version = useRef(initial.version);
  /** The last save attempt reached the server and was stored. */
  const ok = useRef(true);
  const pending = useRef<TDraftState | null>(null);
  const running = useRef<Promise<void> | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const flush = useCallback(async (): Promise<void> => {
    if (running.current) return running.current.then(flush);
    const next = pending.current;
    if (!next) return;
    pending.current = null;
    const input = { draftId, version: version.current, meta: next.meta, tree: next.tree };
    const check = ZSaveDraft.safeParse(input);
    if (!check.success) {
      const errs: Record<string, string> = {};
      for (const i of check.error.issues) errs[i.path.slice(1).join(".")] ??= i.message;
      setFieldErrors(errs);
      ok.current = false;
      setStatus("invalid");
      return;
    }
    setFieldErrors({});
    setStatus("saving");
    running.current = (async () => {
      const r = await planImportSaveDraftAction(input);
      ok.current = r.ok;
      if (r.ok) version.current = r.data.version;
      else setFieldErrors(r.fieldErrors ?? {});
      setStatus(r.ok ? "saved" : r.code === "CONFLICT" ? "conflict" : "error");
    })();
    await running.current;
    running.current = null;
    if (pending.current) await flush();
  }, [draftId]);

  const update = useCallback(
    (next: TDraftState, delayMs = 0) => {
      setState(next);
      pending.current = next;
      setStatus("saving");
      clearTimeout(timer.current);
      timer.current = setTimeout(() => void flush(), delayMs);
    },
    [flush],
  );

  /** Saves what is pending now and answers the version to publish with (null when not saved). */
  const settle = useCallback(async (): Promise<number | null> => {
    clearTimeout(timer.current);
    await flush();
    if (running.current) await running.current;
    return pending.current === null && ok.current ? version.current : null;
  }, [flush]);

  return { state, status, fieldErrors, update, settle };
}
