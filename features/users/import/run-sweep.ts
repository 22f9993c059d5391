import { sweepPasswordSheets } from "./password-sheet";

/** The scheduled wipe of expired 初始密码单; failures are logged briefly and retried at the next tick. */
export async function runPasswordSheetSweep(): Promise<void> {
  try {
    const wiped = await sweepPasswordSheets();
    if (wiped) console.info(`[scheduled] wiped ${wiped} expired initial-password sheet(s)`);
  } catch (e) {
    console.error(
      "[scheduled] password sheet sweep failed:",
      e instanceof Error ? e.message : "unknown error",
    );
  }
}
