import { z } from "zod";

// The bounds of every security setting (the form and the server parse with this one schema).
// Message codes are catalogue keys (validation.*).
const int = (min: number, max: number) =>
  z.coerce
    .number({ message: "settingRange" })
    .int("settingRange")
    .min(min, "settingRange")
    .max(max, "settingRange");

/** The session cookie's lifetime (next-auth maxAge): the absolute session limit can only be shorter. */
export const SESSION_COOKIE_MAX_HOURS = 12;

export const SECURITY_SETTING_BOUNDS = {
  lockSourceFailures: [3, 10],
  lockAccountFailures: [5, 100],
  lockMinutes: [5, 1440],
  ipMaxFailures: [10, 1000],
  ipWindowMinutes: [1, 60],
  passwordMaxAgeDays: [1, 365],
  passwordHistory: [1, 24],
  sessionIdleMinutes: [5, 240],
  sessionMaxHours: [1, SESSION_COOKIE_MAX_HOURS],
} as const;

type TKey = keyof typeof SECURITY_SETTING_BOUNDS;

export const ZSecuritySettings = z
  .object(
    Object.fromEntries(
      Object.entries(SECURITY_SETTING_BOUNDS).map(([k, [min, max]]) => [k, int(min, max)]),
    ) as Record<TKey, ReturnType<typeof int>>,
  )
  .superRefine((v, ctx) => {
    // The account-wide lock must need more than one source's worth of failures.
    if (v.lockAccountFailures <= v.lockSourceFailures)
      ctx.addIssue({ code: "custom", message: "accountAboveSource", path: ["lockAccountFailures"] });
    if (v.sessionIdleMinutes > v.sessionMaxHours * 60)
      ctx.addIssue({ code: "custom", message: "idleWithinMax", path: ["sessionIdleMinutes"] });
  });

/** The security settings the 安全管理员 may change. */
export type TSecuritySettings = Record<TKey, number>;

/** 等保 2.0 三级 defaults. */
export const DEFAULT_SECURITY_SETTINGS: TSecuritySettings = {
  /** Consecutive failures for one account from one source (IP) before that source is locked out. */
  lockSourceFailures: 5,
  /** Failures for one account from all sources before the account is locked everywhere. */
  lockAccountFailures: 20,
  lockMinutes: 30,
  /** Failures from one source across all usernames within ipWindowMinutes before it is refused. */
  ipMaxFailures: 30,
  ipWindowMinutes: 10,
  passwordMaxAgeDays: 90,
  passwordHistory: 5,
  sessionIdleMinutes: 30,
  sessionMaxHours: 12,
};

export const SECURITY_SETTING_KEYS = Object.keys(SECURITY_SETTING_BOUNDS) as TKey[];
