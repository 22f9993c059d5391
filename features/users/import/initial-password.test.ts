import { describe, expect, it } from "vitest";
import { ZPassword, passwordIsUsername } from "@/lib/auth/password-policy";
import { INITIAL_PASSWORD_LENGTH, initialPassword } from "./initial-password";

describe("initial passwords", () => {
  it("meet the policy, avoid look-alikes and do not repeat", () => {
    const seen = new Set<string>();
    for (let i = 0; i < 2000; i++) {
      const p = initialPassword("abc");
      expect(p).toHaveLength(INITIAL_PASSWORD_LENGTH);
      expect(ZPassword.safeParse(p).success).toBe(true);
      expect(p).toMatch(/[a-z]/);
      expect(p).toMatch(/[A-Z]/);
      expect(p).toMatch(/[0-9]/);
      expect(p).not.toMatch(/[0O1lI2Z5S8Bo]/);
      expect(passwordIsUsername(p, "abc")).toBe(false);
      seen.add(p);
    }
    expect(seen.size).toBe(2000);
  });
});
