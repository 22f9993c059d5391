import { describe, expect, it } from "vitest";
import { open, seal } from "./sealed";

const p = { purpose: "test", context: "job:1" };

describe("sealed boxes", () => {
  it("open to what was sealed, for the same purpose and context only", () => {
    const box = seal(Buffer.from("初始密码 Abc"), p);
    expect(box.toString("utf8")).not.toContain("Abc");
    expect(open(box, p)?.toString("utf8")).toBe("初始密码 Abc");
    expect(open(box, { ...p, context: "job:2" })).toBeNull();
    expect(open(box, { ...p, purpose: "other" })).toBeNull();
  });

  it("refuse an altered or truncated box", () => {
    const box = seal(Buffer.from("secret"), p);
    const altered = Buffer.from(box);
    altered[altered.length - 1]! ^= 1;
    expect(open(altered, p)).toBeNull();
    expect(open(box.subarray(0, 20), p)).toBeNull();
  });

  it("use a fresh iv each time", () => {
    expect(seal(Buffer.from("x"), p).equals(seal(Buffer.from("x"), p))).toBe(false);
  });
});
