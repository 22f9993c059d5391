import { describe, expect, it } from "vitest";
import { needsTouch, sessionState } from "./session-limits";

const limits = { sessionIdleMinutes: 30, sessionMaxHours: 12 };
const now = new Date("2026-12-03T12:00:00Z");
const ago = (ms: number) => new Date(now.getTime() - ms);
const MIN = 60_000;

describe("sessionState", () => {
  it("is live within both limits", () => {
    expect(
      sessionState(
        { createdAt: ago(11 * 60 * MIN), lastSeenAt: ago(29 * MIN), revokedAt: null },
        limits,
        now,
      ),
    ).toBe("live");
  });
  it("is idle once 30 minutes pass without a request", () => {
    expect(
      sessionState({ createdAt: ago(40 * MIN), lastSeenAt: ago(30 * MIN), revokedAt: null }, limits, now),
    ).toBe("idle");
  });
  it("is expired 12 hours after sign-in however active", () => {
    expect(
      sessionState({ createdAt: ago(12 * 60 * MIN), lastSeenAt: ago(0), revokedAt: null }, limits, now),
    ).toBe("expired");
  });
  it("is revoked whenever revokedAt is set", () => {
    expect(sessionState({ createdAt: ago(MIN), lastSeenAt: ago(0), revokedAt: ago(1) }, limits, now)).toBe(
      "revoked",
    );
  });
  it("follows configured limits", () => {
    const s = { createdAt: ago(3 * 60 * MIN), lastSeenAt: ago(10 * MIN), revokedAt: null };
    expect(sessionState(s, { sessionIdleMinutes: 10, sessionMaxHours: 12 }, now)).toBe("idle");
    expect(sessionState(s, { sessionIdleMinutes: 15, sessionMaxHours: 2 }, now)).toBe("expired");
    expect(sessionState(s, { sessionIdleMinutes: 15, sessionMaxHours: 4 }, now)).toBe("live");
  });
});

describe("needsTouch", () => {
  it("writes lastSeenAt at most once a minute", () => {
    expect(needsTouch(ago(59_999), now)).toBe(false);
    expect(needsTouch(ago(60_000), now)).toBe(true);
  });
});
