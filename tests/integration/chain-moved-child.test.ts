import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { moveOrg } from "@/features/organizations/server/change/move-org";
import { ZMoveOrg } from "@/features/organizations/schemas";
import { readMaintained, recomputeRollups } from "@/features/rollups/server/recompute";
import { ZAssignTasks, ZLogProgress } from "@/features/tasks/schemas";
import { assignTasks } from "@/features/tasks/server/assign-tasks";
import { cancelTask } from "@/features/tasks/server/cancel-task";
import { logProgress } from "@/features/tasks/server/log-progress";
import { signTask } from "@/features/tasks/server/sign-task";
import { addDays, chinaToday, formatDay } from "@/lib/dates";
import { seedAll } from "@/prisma/seed/seed-all";
import { loadActors, type TTestActor } from "../helpers/actors";
import { createTestDb, type TTestDb } from "../helpers/test-db";

// A task passed down (分解) to a union that then moves to another county keeps its chain: a change
// of the union's task re-derives the parent's progress, which must count where the PARENT is
// (河北, 石家庄, 正定), not along the moved union's new path. (Found by the tree-change property
// test, which hit it only when its random walk moved a union and then changed its task.)
let t: TTestDb;
let A: Record<string, TTestActor>;
const today = chinaToday();
const token = () => crypto.randomUUID();
const org = (code: string) => t.db.org.findUniqueOrThrow({ where: { code } });

beforeAll(async () => {
  t = await createTestDb();
  await seedAll(t.db, { demoUsers: true });
  A = await loadActors(t.db);
});
afterAll(async () => t?.close());

describe("a chain whose child moved away", () => {
  it("counts the parent's derived progress in the parent's regions after the child's union moved", async () => {
    const [hebei, sjz, zd] = [await org("130000"), await org("130100"), await org("130123")];
    const [hengda, chengqu] = [await org("1301230001"), await org("1301230002")];
    const tangshan = await org("130200");
    const county = await t.db.org.findFirstOrThrow({ where: { parentId: tangshan.id, level: "COUNTY" } });
    const measure = await t.db.objective.findFirstOrThrow({
      where: { level: "MEASURE", code: { startsWith: "3.4." } },
    });
    const due = formatDay(addDays(today, 60));
    const assign = (actor: TTestActor, orgIds: number[], parentTaskId?: number) =>
      assignTasks(
        actor,
        ZAssignTasks.parse({
          clientToken: token(),
          objectiveIds: [measure.id],
          target: { mode: "orgs", orgIds },
          dueDate: due,
          parentTaskId,
        }),
      );
    await assign(A.hebei!, [zd.id]);
    const parent = await t.db.task.findFirstOrThrow({ where: { objectiveId: measure.id, orgId: zd.id } });
    await signTask(A["zhengding.chair"]!, { taskId: parent.id, version: parent.version });
    await assign(A.zhengding!, [hengda.id, chengqu.id], parent.id);
    const child = await t.db.task.findFirstOrThrow({ where: { parentTaskId: parent.id, orgId: hengda.id } });
    await signTask(A["hengda.chair"]!, { taskId: child.id, version: child.version });
    await moveOrg(
      A.hebei!,
      ZMoveOrg.parse({ orgId: hengda.id, parentId: county.id, tasks: "transfer" }),
      t.db,
    );

    const moved = await t.db.task.findUniqueOrThrow({ where: { id: child.id } });
    await logProgress(
      A["hengda.chair"]!,
      ZLogProgress.parse({
        taskId: child.id,
        version: moved.version,
        clientToken: token(),
        percent: 60,
        state: "NORMAL",
        narrative: "推进",
      }),
    );
    // The parent is the mean of its two children: (60 + 0) / 2 = 30, in 河北, 石家庄 and 正定. The child
    // counts in the regions of its new path below what it shares with the parent's (河北): 唐山 and the county.
    const progressIn = async (orgId: number) =>
      (await readMaintained(t.db, today)).find((r) => r.orgId === orgId && r.objectiveId === measure.id)
        ?.progressSum ?? 0;
    expect((await t.db.task.findUniqueOrThrow({ where: { id: parent.id } })).progress).toBe(30);
    expect([await progressIn(hebei.id), await progressIn(sjz.id), await progressIn(zd.id)]).toEqual([
      30, 30, 30,
    ]);
    expect([await progressIn(tangshan.id), await progressIn(county.id)]).toEqual([60, 60]);

    // Cancelling the moved child leaves the parent the mean of the other one (0): 0 everywhere it counts.
    const now = await t.db.task.findUniqueOrThrow({ where: { id: child.id } });
    await cancelTask(A.hebei!, { taskId: child.id, version: now.version, reason: "调整" });
    expect([await progressIn(hebei.id), await progressIn(sjz.id), await progressIn(zd.id)]).toEqual([
      0, 0, 0,
    ]);
    expect([await progressIn(tangshan.id), await progressIn(county.id)]).toEqual([0, 0]);

    // And the maintained roll-ups equal an independent recompute from the task rows.
    const key = (r: { orgId: number; objectiveId: number }) => `${r.orgId}:${r.objectiveId}`;
    const [m, r] = await Promise.all([readMaintained(t.db, today), recomputeRollups(t.db, today)]);
    const mine = (rows: typeof m) => rows.filter((x) => x.objectiveId === measure.id && x.progressSum !== 0);
    expect(new Map(mine(m).map((x) => [key(x), x.progressSum]))).toEqual(
      new Map(mine(r).map((x) => [key(x), x.progressSum])),
    );
  });
});
