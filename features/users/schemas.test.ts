import { describe, expect, it } from "vitest";
import { ZCreateUser, ZPassword, passwordClasses, passwordIsUsername, zChangePassword } from "./schemas";

describe("the password policy (one schema for form and server)", () => {
  it("needs 8+ characters from at least 3 of 4 classes", () => {
    const ok = (v: string) => ZPassword.safeParse(v).success;
    expect(ok("abc12345")).toBe(false); // 2 classes (the probe's example)
    expect(ok("ABCDEFG1")).toBe(false);
    expect(ok("abcdefg!")).toBe(false);
    expect(ok("Abc1234")).toBe(false); // 7 characters
    expect(ok("Abc12345")).toBe(true); // upper, lower, digit
    expect(ok("abc-1234")).toBe(true); // lower, digit, other
    expect(ok("ABC-defg")).toBe(true); // upper, lower, other
    expect(ok("密码Ab12密码")).toBe(true); // CJK counts as "other": lower, upper, digit, other
    expect([..."aA1!"].map(passwordClasses)).toEqual([1, 1, 1, 1]);
  });

  it("refuses absurdly long passwords (more than 256 characters)", () => {
    const r = ZPassword.safeParse(`Aa1-${"x".repeat(253)}`);
    expect(r.success ? null : r.error.issues[0]!.message).toBe("passwordTooLong");
    expect(ZPassword.safeParse(`Aa1-${"x".repeat(252)}`).success).toBe(true);
  });

  it("must not contain the username, in any case", () => {
    expect(passwordIsUsername("XxWang2026!", "wang2026")).toBe(true);
    expect(passwordIsUsername("Wang-2025!", "wang2026")).toBe(false);
    const issue = (username: string, password: string) => {
      const r = ZCreateUser.safeParse({ username, name: "某", role: "STAFF", orgId: 1, phone: "", password });
      return r.success ? null : r.error.issues.map((i) => i.message);
    };
    expect(issue("zhang.san", "My-Zhang.San-1")).toEqual(["passwordIsUsername"]);
    expect(issue("zhang.san", "My-Li.Si-1")).toBeNull();
    const change = zChangePassword("li.si").safeParse({
      current: "x",
      password: "LI.SI-2026",
      confirm: "LI.SI-2026",
    });
    expect(change.success ? null : change.error.issues.map((i) => i.message)).toEqual(["passwordIsUsername"]);
  });
});
