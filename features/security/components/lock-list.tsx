import { getFormatter, getTranslations } from "next-intl/server";
import type { listActiveLocks } from "../server/locks";
import { UnlockButton } from "./unlock-button";

type TLock = Awaited<ReturnType<typeof listActiveLocks>>[number];

/** Locks in force, with 解锁 for each (server component; the button is the client part). */
export async function LockList({ locks }: { locks: TLock[] }) {
  const t = await getTranslations("loginLocks");
  const format = await getFormatter();
  const when = (d: Date) => format.dateTime(d, { dateStyle: "short", timeStyle: "short" });
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-sm" data-testid="lock-list">
        <thead className="bg-slate-50 text-left text-slate-600">
          <tr>
            <th className="px-3 py-2 font-medium">{t("scope")}</th>
            <th className="px-3 py-2 font-medium">{t("username")}</th>
            <th className="px-3 py-2 font-medium">{t("ip")}</th>
            <th className="px-3 py-2 text-right font-medium">{t("failures")}</th>
            <th className="px-3 py-2 font-medium">{t("lockedAt")}</th>
            <th className="px-3 py-2 font-medium">{t("until")}</th>
            <th className="px-3 py-2" />
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {locks.map((l) => (
            <tr key={l.id} data-testid={`lock-${l.id}`}>
              <td className="px-3 py-2">{t(`scopes.${l.scope}`)}</td>
              <td className="px-3 py-2 font-mono">{l.username ?? "—"}</td>
              <td className="px-3 py-2 font-mono">{l.ip ?? "—"}</td>
              <td className="px-3 py-2 text-right tabular-nums">{l.failures}</td>
              <td className="px-3 py-2 whitespace-nowrap">{when(l.createdAt)}</td>
              <td className="px-3 py-2 whitespace-nowrap">{when(l.until)}</td>
              <td className="px-3 py-2 text-right">
                <UnlockButton id={l.id} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
