import { describe, expect, it } from "vitest";
import { DEFAULT_ROLE_PERMISSIONS, type TRole } from "@/lib/auth/permissions";
import { availableActions, mayAct, relationsOf, type TTaskRelations } from "./task-permissions";

const actor = (role: TRole, orgId: number, id = 1) => ({
  id,
  orgId,
  permissions: new Set(DEFAULT_ROLE_PERMISSIONS[role]),
});
// Province 2 assigned the task to county 4 (path 1 → 2 → 3 → 4); user 9 is the responsible staff.
const task = (status: TTaskRelations["status"]): TTaskRelations => ({
  status,
  orgId: 4,
  reviewOrgPath: [1, 2],
  responsibleId: 9,
  helperIds: [10],
});

describe("task permissions", () => {
  it("relations: holder, reviewer (review org or above), worker", () => {
    expect([...relationsOf(actor("CHAIR", 4), task("IN_PROGRESS"))]).toEqual(["holder"]);
    expect([...relationsOf(actor("MANAGER", 2), task("IN_PROGRESS"))]).toEqual(["reviewer"]);
    expect([...relationsOf(actor("MANAGER", 1), task("IN_PROGRESS"))]).toEqual(["reviewer"]);
    expect([...relationsOf(actor("MANAGER", 3), task("IN_PROGRESS"))]).toEqual([]);
    expect([...relationsOf(actor("STAFF", 4, 9), task("IN_PROGRESS"))]).toEqual(["holder", "worker"]);
  });

  it("comments need objective:read: the security admin and the auditor (三员分立) may not write any", () => {
    for (const role of ["SECURITY_ADMIN", "AUDITOR"] as const) {
      expect(mayAct(actor(role, 4), task("IN_PROGRESS"), "comment"), role).toBe(false);
      expect(availableActions(actor(role, 4), task("IN_PROGRESS")), role).toEqual([]);
    }
    expect(mayAct(actor("STAFF", 3), task("IN_PROGRESS"), "comment")).toBe(true);
  });

  it("the holding org signs, hands back and submits; staff cannot", () => {
    expect(availableActions(actor("CHAIR", 4), task("PENDING_SIGN"))).toEqual([
      "sign",
      "handBack",
      "requestExtension",
      "comment",
    ]);
    expect(mayAct(actor("STAFF", 4, 9), task("PENDING_SIGN"), "sign")).toBe(false);
    expect(mayAct(actor("STAFF", 4, 9), task("IN_PROGRESS"), "submit")).toBe(false);
  });

  it("the holder withdraws its own report; the reviewer cannot, nor can staff", () => {
    expect(availableActions(actor("CHAIR", 4), task("SUBMITTED"))).toEqual(["withdraw", "comment"]);
    expect(mayAct(actor("STAFF", 4, 9), task("SUBMITTED"), "withdraw")).toBe(false);
    expect(mayAct(actor("MANAGER", 2), task("SUBMITTED"), "withdraw")).toBe(false);
  });

  it("the assigner sends a handed-back task to another unit; the holder nudges what it passed down", () => {
    expect(availableActions(actor("MANAGER", 2), task("HANDED_BACK")).sort()).toEqual(
      ["reassign", "transfer", "cancel", "decideExtension", "nudge", "comment"].sort(),
    );
    expect(mayAct(actor("CHAIR", 4), task("HANDED_BACK"), "transfer")).toBe(false);
    expect(mayAct(actor("MANAGER", 4), task("IN_PROGRESS"), "nudgeChildren")).toBe(true);
    expect(mayAct(actor("CHAIR", 4), task("IN_PROGRESS"), "nudgeChildren")).toBe(false); // no task:assign
    expect(mayAct(actor("MANAGER", 2), task("IN_PROGRESS"), "nudgeChildren")).toBe(false);
  });

  it("only the reviewing side approves, returns, nudges and decides extensions", () => {
    expect(availableActions(actor("MANAGER", 2), task("SUBMITTED"))).toEqual([
      "approve",
      "return",
      "decideExtension",
      "comment",
    ]);
    expect(mayAct(actor("CHAIR", 4), task("SUBMITTED"), "approve")).toBe(false);
    // A city between the province and the county did not assign the task: it does not review it.
    expect(mayAct(actor("MANAGER", 3), task("SUBMITTED"), "approve")).toBe(false);
  });

  it("progress is logged by the responsible person, helpers and the org's chair", () => {
    expect(mayAct(actor("STAFF", 4, 9), task("IN_PROGRESS"), "logProgress")).toBe(true);
    expect(mayAct(actor("STAFF", 4, 10), task("IN_PROGRESS"), "logProgress")).toBe(true);
    expect(mayAct(actor("CHAIR", 4, 11), task("IN_PROGRESS"), "logProgress")).toBe(true);
    expect(mayAct(actor("STAFF", 5, 12), task("IN_PROGRESS"), "logProgress")).toBe(false);
    expect(mayAct(actor("STAFF", 4, 13), task("IN_PROGRESS"), "logProgress")).toBe(false); // same org, not assigned
    expect(mayAct(actor("MANAGER", 2), task("IN_PROGRESS"), "logProgress")).toBe(false);
  });
});
