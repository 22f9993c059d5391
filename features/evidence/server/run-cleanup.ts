import { getDb } from "@/lib/db/client";
import { removeUnlinkedUploads } from "./remove-unlinked";

/** The scheduled removal of abandoned uploads; failures are logged briefly and retried at the next tick. */
export async function runUploadCleanup(): Promise<void> {
  try {
    const removed = await removeUnlinkedUploads(getDb());
    if (removed) console.info(`[scheduled] removed ${removed} unlinked upload(s)`);
  } catch (e) {
    console.error("[scheduled] upload cleanup failed:", e instanceof Error ? e.message : "unknown error");
  }
}
