import { describe, expect, it } from "vitest";
import { diffFields } from "./record-change";

describe("diffFields", () => {
  const before = { name: "甲", memberCount: 10, contact: null as string | null, at: new Date("2026-01-01") };

  it("lists only the listed fields that changed, as [before, after]", () => {
    expect(diffFields(before, { name: "乙", memberCount: 10 }, ["name", "memberCount"])).toEqual({
      name: ["甲", "乙"],
    });
  });

  it("ignores fields the update leaves out and treats undefined and null as equal", () => {
    expect(diffFields(before, { contact: undefined }, ["name", "contact"])).toBeNull();
  });

  it("compares dates by value", () => {
    expect(diffFields(before, { at: new Date("2026-01-01") }, ["at"])).toBeNull();
    expect(diffFields(before, { at: new Date("2026-01-02") }, ["at"])).not.toBeNull();
  });
});
