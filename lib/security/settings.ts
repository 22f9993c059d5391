import "server-only";

/** The security settings the 安全管理员 may change (等保 2.0 三级 defaults). */
export type TSecuritySettings = {
  /** Consecutive failures for one account from one source (IP) before that source is locked out. */
  lockSourceFailures: number;
  /** Failures for one account from all sources before the account is locked everywhere. */
  lockAccountFailures: number;
  lockMinutes: number;
  passwordMaxAgeDays: number;
  passwordHistory: number;
  sessionIdleMinutes: number;
  sessionMaxHours: number;
};

export const DEFAULT_SECURITY_SETTINGS: TSecuritySettings = {
  lockSourceFailures: 5,
  lockAccountFailures: 20,
  lockMinutes: 30,
  passwordMaxAgeDays: 90,
  passwordHistory: 5,
  sessionIdleMinutes: 30,
  sessionMaxHours: 12,
};

/**
 * The settings in force. CONTRACT (sessions and login call this): the signature stays; the login work of
 * issue 12 makes them stored in the database and editable by the 安全管理员.
 */
export async function getSecuritySettings(): Promise<TSecuritySettings> {
  return DEFAULT_SECURITY_SETTINGS;
}
