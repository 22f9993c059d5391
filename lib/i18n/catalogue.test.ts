import { describe, expect, it } from "vitest";
import { MESSAGES } from "./messages";

const en = MESSAGES.en;
const zh = MESSAGES["zh-CN"];

function keys(obj: unknown, prefix = ""): string[] {
  if (typeof obj !== "object" || obj === null) return [prefix];
  return Object.entries(obj).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

describe("message catalogues", () => {
  it("English has exactly the keys of Simplified Chinese", () => {
    expect(keys(en).sort()).toEqual(keys(zh).sort());
  });

  it("no message is empty and placeholders match across languages", () => {
    const flat = (o: unknown, p = ""): [string, string][] =>
      typeof o === "string"
        ? [[p, o]]
        : Object.entries(o as object).flatMap(([k, v]) => flat(v, p ? `${p}.${k}` : k));
    const enMap = new Map(flat(en));
    for (const [k, v] of flat(zh)) {
      expect(v.trim(), k).not.toBe("");
      const vars = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect(vars(enMap.get(k) ?? ""), k).toEqual(vars(v));
    }
  });
});
