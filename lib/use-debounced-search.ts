"use client";
import { useEffect, useState } from "react";

type TResult<T> = { ok: true; data: T[] } | { ok: false };

/**
 * Results of a server search for `q`, asked 250 ms after typing stops; an older answer that
 * arrives late is dropped. `key` lists whatever else the search depends on.
 */
export function useDebouncedSearch<T>(
  search: (q: string) => Promise<TResult<T>>,
  q: string,
  key: string = "",
): { results: T[]; state: "loading" | "ready" | "error" } {
  const [results, setResults] = useState<T[]>([]);
  const [state, setState] = useState<"loading" | "ready" | "error">("loading");
  useEffect(() => {
    let live = true;
    setState("loading");
    const timer = setTimeout(async () => {
      const res = await search(q);
      if (!live) return;
      setResults(res.ok ? res.data : []);
      setState(res.ok ? "ready" : "error");
    }, 250);
    return () => {
      live = false;
      clearTimeout(timer);
    };
    // `search` is a new closure on every render; what it depends on is in `key`.
  }, [q, key]);
  return { results, state };
}
