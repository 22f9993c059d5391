import "server-only";
import { getDb } from "@/lib/db/client";
import {
  DEFAULT_SECURITY_SETTINGS,
  SECURITY_SETTING_KEYS,
  ZSecuritySettings,
  type TSecuritySettings,
} from "./settings-schema";

export { DEFAULT_SECURITY_SETTINGS, type TSecuritySettings } from "./settings-schema";

// Read on every sign-in and request: cached briefly per process. A change made here clears this
// process's copy at once; other instances see it within CACHE_MS.
const CACHE_MS = 10_000;
let cached: { at: number; value: TSecuritySettings } | null = null;

/** The stored values over the defaults; anything stored that no longer passes the bounds is ignored. */
export function mergeSettings(stored: unknown): TSecuritySettings {
  const merged = { ...DEFAULT_SECURITY_SETTINGS };
  if (stored && typeof stored === "object") {
    for (const key of SECURITY_SETTING_KEYS) {
      const v = (stored as Record<string, unknown>)[key];
      if (typeof v === "number") merged[key] = v;
    }
  }
  return ZSecuritySettings.safeParse(merged).success ? merged : { ...DEFAULT_SECURITY_SETTINGS };
}

/**
 * The settings in force. CONTRACT (sessions and login call this): the signature stays. Stored in
 * `SecuritySetting` (one row), edited by the 安全管理员 on /security/settings.
 */
export async function getSecuritySettings(): Promise<TSecuritySettings> {
  if (cached && Date.now() - cached.at < CACHE_MS) return cached.value;
  const row = await getDb().securitySetting.findUnique({ where: { id: 1 }, select: { values: true } });
  const value = mergeSettings(row?.values);
  cached = { at: Date.now(), value };
  return value;
}

/** After a change (and in tests, between databases). */
export function clearSecuritySettingsCache(): void {
  cached = null;
}
