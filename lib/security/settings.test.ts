import { describe, expect, it } from "vitest";
import { DEFAULT_SECURITY_SETTINGS, mergeSettings } from "./settings";
import { SECURITY_SETTING_BOUNDS, ZSecuritySettings } from "./settings-schema";

const D = DEFAULT_SECURITY_SETTINGS;
const issues = (v: Record<string, unknown>) => {
  const r = ZSecuritySettings.safeParse(v);
  // The first message per field, as runAction reports them.
  const out: Record<string, string> = {};
  for (const i of r.success ? [] : r.error.issues) out[i.path.join(".")] ??= i.message;
  return out;
};

describe("security settings", () => {
  it("the defaults are 等保 2.0 三级's and lie within the bounds", () => {
    expect(D).toMatchObject({
      lockSourceFailures: 5,
      lockAccountFailures: 20,
      lockMinutes: 30,
      passwordMaxAgeDays: 90,
      passwordHistory: 5,
      sessionIdleMinutes: 30,
      sessionMaxHours: 12,
    });
    expect(issues(D)).toEqual({});
  });

  it("every value is a whole number within its bounds (form strings are coerced)", () => {
    for (const [key, [min, max]] of Object.entries(SECURITY_SETTING_BOUNDS)) {
      expect(issues({ ...D, [key]: min - 1 }), key).toHaveProperty(key, "settingRange");
      expect(issues({ ...D, [key]: max + 1 }), key).toHaveProperty(key, "settingRange");
    }
    expect(issues({ ...D, lockMinutes: 2.5 })).toEqual({ lockMinutes: "settingRange" });
    expect(issues({ ...D, lockMinutes: "" })).toEqual({ lockMinutes: "settingRange" });
    expect(ZSecuritySettings.parse({ ...D, lockMinutes: "45" }).lockMinutes).toBe(45);
  });

  it("the account-wide threshold must exceed the per-source one; idle time fits in the session", () => {
    expect(issues({ ...D, lockSourceFailures: 6, lockAccountFailures: 6 })).toEqual({
      lockAccountFailures: "accountAboveSource",
    });
    expect(issues({ ...D, sessionMaxHours: 1, sessionIdleMinutes: 90 })).toEqual({
      sessionIdleMinutes: "idleWithinMax",
    });
  });

  it("the absolute session limit cannot outlast the 12-hour session cookie", () => {
    expect(issues({ ...D, sessionMaxHours: 12 })).toEqual({});
    expect(issues({ ...D, sessionMaxHours: 13 })).toEqual({ sessionMaxHours: "settingRange" });
  });

  it("stored values override the defaults key by key; invalid stored data falls back to the defaults", () => {
    expect(mergeSettings(null)).toEqual(D);
    expect(mergeSettings({ lockMinutes: 60, unknown: 1 })).toEqual({ ...D, lockMinutes: 60 });
    expect(mergeSettings({ lockMinutes: "60" })).toEqual(D);
    expect(mergeSettings({ lockMinutes: 100000 })).toEqual(D);
  });
});
