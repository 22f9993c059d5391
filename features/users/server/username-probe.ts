import "server-only";
import { recordAudit } from "@/lib/audit/record";
import type { TDb, TTx } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { TActor } from "./actor";

// Usernames are unique across the country (they sign in without naming an org), so creating an
// account must say when a name cannot be used, which also tells whether it exists somewhere. That
// answer is limited: it is given only for an otherwise valid account, at most USERNAME_PROBES_PER_HOUR
// times per actor and hour, and every refusal is in the audit trail (user.create, FAILURE), where the
// 安全审计员 sees who asked for which names. The trail is also the counter, so every instance shares it.
export const USERNAME_PROBES_PER_HOUR = 10;
const REASON = "usernameUnavailable";

/** How many more "unavailable" answers `actor` may get this hour (imports answer several at once). */
export async function usernameProbesLeft(actor: TActor, db: TDb | TTx): Promise<number> {
  const recent = await db.auditEvent.count({
    where: {
      action: "user.create",
      outcome: "FAILURE",
      actorId: actor.id,
      at: { gte: new Date(Date.now() - 3_600_000) },
      detail: { path: ["reason"], equals: REASON },
    },
  });
  return Math.max(0, USERNAME_PROBES_PER_HOUR - recent);
}

export async function assertUsernameProbeAllowed(actor: TActor, db: TDb): Promise<void> {
  if ((await usernameProbesLeft(actor, db)) === 0)
    throw new AppError("VALIDATION", { username: "usernameTryLater" });
}

/** Records that `actor` was told `username` is unavailable (the trail is the counter). */
export async function recordUsernameProbe(actor: TActor, username: string, db: TDb | TTx): Promise<void> {
  await recordAudit(
    { action: "user.create", outcome: "FAILURE", actor, detail: { reason: REASON, username } },
    db,
  );
}

/** Records the refusal (committed on its own) and answers with the neutral "unavailable". */
export async function refuseUnavailableUsername(actor: TActor, username: string, db: TDb): Promise<never> {
  await recordUsernameProbe(actor, username, db);
  throw new AppError("USERNAME_TAKEN", { username: REASON });
}
