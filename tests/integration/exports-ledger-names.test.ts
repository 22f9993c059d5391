import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { moveOrg } from "@/features/organizations/server/change/move-org";
import { ZMoveOrg } from "@/features/organizations/schemas";
import { ZAssignTasks } from "@/features/tasks/schemas";
import { assignTasks } from "@/features/tasks/server/assign-tasks";
import type { TTestActor } from "../helpers/actors";
import type { TTestDb } from "../helpers/test-db";
import { csvOf, DUE, org, setUpExportData, tearDownExportData, type TExportData } from "./exports-fixture";

// The 台账 names measures, federations and regions by id (features/exports/server/ledger-names.ts)
// and turns timestamps into China days in SQL: a task passed down (分解) and then moved to another
// county names a parent holder that is neither in the exported subtree nor above it.
let t: TTestDb;
let A: Record<string, TTestActor>;
let m: TExportData["m"] = [];
beforeAll(async () => {
  ({ t, A, m } = await setUpExportData());
});
afterAll(tearDownExportData);

describe("台账 names and days", () => {
  it("names the parent task's holder outside the subtree, the new region and the China day of each timestamp", async () => {
    const [zd, hengda, gaocheng] = [await org("130123"), await org("1301230001"), await org("130109")];
    const parent = await t.db.task.findFirstOrThrow({ where: { objectiveId: m[0]!.id, orgId: zd.id } });
    await assignTasks(
      A.zhengding!,
      ZAssignTasks.parse({
        clientToken: crypto.randomUUID(),
        objectiveIds: [m[0]!.id],
        target: { mode: "orgs", orgIds: [hengda.id] },
        dueDate: DUE,
        parentTaskId: parent.id,
      }),
    );
    const child = await t.db.task.findFirstOrThrow({ where: { parentTaskId: parent.id } });
    // 16:00 UTC is midnight in China; a millisecond earlier is still the day before there.
    await t.db.task.update({
      where: { id: child.id },
      data: { signedAt: new Date("2026-11-01T16:00:00Z"), submittedAt: new Date("2026-11-01T15:59:59.999Z") },
    });
    await moveOrg(
      A.hebei!,
      ZMoveOrg.parse({ orgId: hengda.id, parentId: gaocheng.id, tasks: "transfer" }),
      t.db,
    );

    const rows = (await csvOf(A.hebei!, { kind: "ledger", org: "130109" }))!.rows.slice(1);
    const row = rows.find((r) => r[0] === m[0]!.code)!;
    expect(row.slice(3, 7)).toEqual([
      "正定县恒达机械有限公司工会",
      "河北省 / 石家庄市 / 藁城区",
      // After the move the task is reviewed by the lowest federation above both counties.
      "石家庄市总工会",
      `#${parent.id} 正定县总工会：${m[0]!.code} ${m[0]!.title}`,
    ]);
    expect(row.slice(11, 13)).toEqual(["2026-11-02", "2026-11-01"]);
    // The union's own task (given by 正定 before the move) is there too, with the same region.
    expect(rows.find((r) => r[0] === m[3]!.code)?.slice(3, 5)).toEqual([
      "正定县恒达机械有限公司工会",
      "河北省 / 石家庄市 / 藁城区",
    ]);
  });
});
