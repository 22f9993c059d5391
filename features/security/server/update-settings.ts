import "server-only";
import { recordAudit } from "@/lib/audit/record";
import { getDb, type TDb } from "@/lib/db/client";
import { clearSecuritySettingsCache, getSecuritySettings } from "@/lib/security/settings";
import { SECURITY_SETTING_KEYS, type TSecuritySettings } from "@/lib/security/settings-schema";

/**
 * Stores the 安全管理员's settings (already parsed with ZSecuritySettings) and records each changed
 * value, old → new, as one setting.change event in the same transaction.
 */
export async function updateSecuritySettings(
  actor: { id: number; username: string },
  input: TSecuritySettings,
  db: TDb = getDb(),
): Promise<{ changed: string[] }> {
  clearSecuritySettingsCache();
  const before = await getSecuritySettings();
  const changes = Object.fromEntries(
    SECURITY_SETTING_KEYS.filter((k) => before[k] !== input[k]).map((k) => [
      k,
      { from: before[k], to: input[k] },
    ]),
  );
  const changed = Object.keys(changes);
  if (!changed.length) return { changed };
  const values = Object.fromEntries(SECURITY_SETTING_KEYS.map((k) => [k, input[k]]));
  await db.$transaction(async (tx) => {
    await tx.securitySetting.upsert({
      where: { id: 1 },
      create: { id: 1, values, updatedById: actor.id },
      update: { values, updatedById: actor.id },
    });
    await recordAudit(
      { action: "setting.change", actor, target: { type: "securitySettings", id: 1 }, detail: changes },
      tx,
    );
  });
  clearSecuritySettingsCache();
  return { changed };
}
