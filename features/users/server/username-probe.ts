import "server-only";
import { recordAudit } from "@/lib/audit/record";
import type { TDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { TActor } from "./actor";

// Usernames are unique across the country (they sign in without naming an org), so creating an
// account must say when a name cannot be used, which also tells whether it exists somewhere. That
// answer is limited: it is given only for an otherwise valid account, at most USERNAME_PROBES_PER_HOUR
// times per actor and hour, and every refusal is in the audit trail (user.create, FAILURE), where the
// 安全审计员 sees who asked for which names. The trail is also the counter, so every instance shares it.
export const USERNAME_PROBES_PER_HOUR = 10;
const REASON = "usernameUnavailable";

export async function assertUsernameProbeAllowed(actor: TActor, db: TDb): Promise<void> {
  const recent = await db.auditEvent.count({
    where: {
      action: "user.create",
      outcome: "FAILURE",
      actorId: actor.id,
      at: { gte: new Date(Date.now() - 3_600_000) },
      detail: { path: ["reason"], equals: REASON },
    },
  });
  if (recent >= USERNAME_PROBES_PER_HOUR) throw new AppError("VALIDATION", { username: "usernameTryLater" });
}

/** Records the refusal (committed on its own) and answers with the neutral "unavailable". */
export async function refuseUnavailableUsername(actor: TActor, username: string, db: TDb): Promise<never> {
  await recordAudit(
    { action: "user.create", outcome: "FAILURE", actor, detail: { reason: REASON, username } },
    db,
  );
  throw new AppError("USERNAME_TAKEN", { username: REASON });
}
