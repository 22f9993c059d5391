import { describe, expect, it } from "vitest";
import { argumentUses, flattenMessages } from "./icu-args";
import { MESSAGES } from "./messages";

const en = MESSAGES.en;
const zh = MESSAGES["zh-CN"];

describe("message catalogues", () => {
  it("English has exactly the keys of Simplified Chinese", () => {
    const keys = (o: unknown) => flattenMessages(o).map(([k]) => k);
    expect(keys(en).sort()).toEqual(keys(zh).sort());
  });

  it("no message is empty and both languages use the same arguments", () => {
    const enMap = new Map(flattenMessages(en));
    const names = (s: string) => [...new Set(argumentUses(s).map((a) => a.name))].sort();
    for (const [k, v] of flattenMessages(zh)) {
      expect(v.trim(), k).not.toBe("");
      expect(names(enMap.get(k) ?? ""), k).toEqual(names(v));
    }
  });
});
