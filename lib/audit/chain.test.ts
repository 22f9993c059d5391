import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { canonicalJson, hashRow, type TChainedRow } from "./chain";

const row: TChainedRow = {
  id: 7n,
  at: new Date("2026-12-03T10:00:00.123Z"),
  action: "user.create",
  outcome: "SUCCESS",
  actorId: 1,
  actorName: "admin",
  ip: "10.0.0.1",
  userAgent: "UA",
  targetType: "user",
  targetId: "9",
  detail: { role: "STAFF", org: { code: "130123", id: 5 } },
  prevHash: "ab",
};

describe("canonicalJson", () => {
  it("sorts keys at every depth and drops undefined members", () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: 0, y: null }], c: undefined } })).toBe(
      '{"a":{"d":[1,{"y":null,"z":0}]},"b":1}',
    );
  });
});

describe("hashRow", () => {
  it("is SHA-256 over the previous hash and the fields in a fixed order", () => {
    const body =
      '["7","2026-12-03T10:00:00.123Z","user.create","SUCCESS",1,"admin","10.0.0.1","UA","user","9",' +
      '{"org":{"code":"130123","id":5},"role":"STAFF"}]';
    expect(hashRow(row)).toBe(createHash("sha256").update(`ab\n${body}`).digest("hex"));
  });

  it("changes when any field or the previous hash changes, not when detail keys are reordered", () => {
    const base = hashRow(row);
    expect(hashRow({ ...row, detail: { org: { id: 5, code: "130123" }, role: "STAFF" } })).toBe(base);
    for (const change of [
      { id: 8n },
      { at: new Date("2026-12-03T10:00:00.124Z") },
      { outcome: "FAILURE" },
      { actorName: "admin2" },
      { ip: null },
      { targetId: "10" },
      { detail: { role: "MANAGER", org: { code: "130123", id: 5 } } },
      { prevHash: null },
    ])
      expect(hashRow({ ...row, ...change }), JSON.stringify(Object.keys(change))).not.toBe(base);
  });
});
