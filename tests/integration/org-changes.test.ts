import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ZCloseOrg, ZMergeOrg, ZMoveOrg, ZRenameOrg } from "@/features/organizations/schemas";
import { closeOrg } from "@/features/organizations/server/change/close-org";
import { mergeOrg } from "@/features/organizations/server/change/merge-org";
import { moveOrg } from "@/features/organizations/server/change/move-org";
import { previewOrgChange } from "@/features/organizations/server/change/preview";
import { renameOrg } from "@/features/organizations/server/change/rename-org";
import { getOrgHistory } from "@/features/organizations/server/get-org-history";
import { readMaintained, recomputeRollups } from "@/features/rollups/server/recompute";
import { ZAssignTasks, ZReview } from "@/features/tasks/schemas";
import { reviewCompletion } from "@/features/tasks/server/review-completion";
import { assignTasks } from "@/features/tasks/server/assign-tasks";
import { searchTargetOrgs } from "@/features/tasks/server/search-target-orgs";
import { signTask } from "@/features/tasks/server/sign-task";
import { submitCompletion } from "@/features/tasks/server/submit-completion";
import { ZCreateUser } from "@/features/users/schemas";
import { createUser } from "@/features/users/server/create-user";
import { addDays, chinaToday, formatDay } from "@/lib/dates";
import { seedAll } from "@/prisma/seed/seed-all";
import { codeOf, loadActors, type TTestActor } from "../helpers/actors";
import { createTestDb, type TTestDb } from "../helpers/test-db";

// The tree changes against figures worked out by hand, plus a full comparison with the independent
// recompute after each one.
let t: TTestDb;
let A: Record<string, TTestActor>;
const today = chinaToday();
const day = (n: number) => formatDay(addDays(today, n));
const org = (code: string) => t.db.org.findUniqueOrThrow({ where: { code } });
let measures: number[] = [];

beforeAll(async () => {
  t = await createTestDb();
  await seedAll(t.db, { demoUsers: true });
  A = await loadActors(t.db);
  measures = (
    await t.db.objective.findMany({
      where: { level: "MEASURE", code: { startsWith: "3.4." } },
      orderBy: { id: "asc" },
      take: 8,
      select: { id: true },
    })
  ).map((m) => m.id);
});
afterAll(() => t.close());

const give = (actor: TTestActor, objectiveId: number, orgIds: number[]) =>
  giveAs(actor, { objectiveId, orgIds });
const giveAs = (
  actor: TTestActor,
  { objectiveId, orgIds, ...parent }: { objectiveId: number; orgIds: number[]; parentTaskId?: number },
) =>
  assignTasks(
    actor,
    ZAssignTasks.parse({
      clientToken: crypto.randomUUID(),
      objectiveIds: [objectiveId],
      target: { mode: "orgs", orgIds },
      dueDate: day(20),
      ...parent,
    }),
  );
const taskOf = (objectiveId: number, orgId: number) =>
  t.db.task.findFirstOrThrow({ where: { objectiveId, orgId } });
/** Counted tasks of (region, measure) in the maintained roll-ups. */
async function counted(orgId: number, objectiveId: number) {
  const r = await t.db.rollup.findUnique({ where: { orgId_objectiveId: { orgId, objectiveId } } });
  return r ? r.pendingSign + r.handedBack + r.inProgress + r.submitted + r.completed : 0;
}
async function expectExact() {
  const key = (r: { orgId: number; objectiveId: number }) => `${r.orgId}:${r.objectiveId}`;
  const nonEmpty = (r: {
    pendingSign: number;
    inProgress: number;
    submitted: number;
    completed: number;
    handedBack: number;
    overdue: number;
    progressSum: number;
  }) =>
    r.pendingSign + r.handedBack + r.inProgress + r.submitted + r.completed + r.overdue + r.progressSum > 0;
  for (const when of [today, addDays(today, 40)]) {
    const [m, r] = await Promise.all([readMaintained(t.db, when), recomputeRollups(t.db, when)]);
    expect(new Map(m.filter(nonEmpty).map((x) => [key(x), x]))).toEqual(
      new Map(r.filter(nonEmpty).map((x) => [key(x), x])),
    );
  }
}
const counts = async (orgId: number) =>
  t.db.orgCount.findUniqueOrThrow({ where: { orgId }, select: { orgs: true, users: true } });

describe("tree changes", () => {
  it("rename: inside the subtree only, with history and audit; never the actor's own org", async () => {
    const hengda = await org("1301230001");
    expect(
      await codeOf(renameOrg(A.zhengding!, ZRenameOrg.parse({ orgId: hengda.id, name: "恒达机械集团工会" }))),
    ).toBe("OK");
    expect((await org("1301230001")).name).toBe("恒达机械集团工会");
    const own = await org("130123");
    expect(await codeOf(renameOrg(A.zhengding!, { orgId: own.id, name: "正定" }))).toBe("NOT_FOUND");
    expect(await codeOf(renameOrg(A.wuhan!, { orgId: hengda.id, name: "别处" }))).toBe("NOT_FOUND");
    expect(await codeOf(renameOrg(A.zhengding!, { orgId: hengda.id, name: "恒达机械集团工会" }))).toBe(
      "VALIDATION",
    );
    const history = await getOrgHistory(hengda.id, t.db);
    expect(history[0]).toMatchObject({
      action: "rename",
      changes: { name: ["正定县恒达机械有限公司工会", "恒达机械集团工会"] },
    });
    expect(history[0]!.actorName).toBe("正定县总工会督办员");
    expect(await t.db.auditEvent.count({ where: { action: "org.rename" } })).toBe(1);
  });

  it("move: a union with a direct task and a task passed down moves its figures to the new county, city and its review", async () => {
    const [m1, m2] = measures;
    const hebei = await org("130000");
    const sjz = await org("130100");
    const zd = await org("130123");
    const chengqu = await org("1301230002");
    // 河北 gives m1 to 城区 directly; 正定 passes its own m2 down to 城区 (a chain).
    await give(A.hebei!, m1!, [chengqu.id]);
    await give(A.hebei!, m2!, [zd.id]);
    const head = await taskOf(m2!, zd.id);
    await signTask(A["zhengding.chair"]!, { taskId: head.id, version: head.version });
    await giveAs(A.zhengding!, { objectiveId: m2!, orgIds: [chengqu.id], parentTaskId: head.id });
    // A county in another city of Hebei.
    const other = await t.db.org.findFirstOrThrow({
      where: { level: "COUNTY", ancestorIds: { has: hebei.id }, NOT: { ancestorIds: { has: sjz.id } } },
      orderBy: { id: "asc" },
    });
    const otherCity = other.parentId!;
    // By hand before: m1 counts in 河北, 石家庄, 正定 (branches keep no rows).
    expect([await counted(hebei.id, m1!), await counted(sjz.id, m1!), await counted(zd.id, m1!)]).toEqual([
      1, 1, 1,
    ]);
    // m2: 正定's task counts everywhere on its path; 城区's child only at the branch.
    expect([await counted(hebei.id, m2!), await counted(sjz.id, m2!), await counted(zd.id, m2!)]).toEqual([
      1, 1, 1,
    ]);
    const zdBefore = await counts(zd.id);
    const sjzBefore = await counts(sjz.id);
    const otherBefore = await counts(other.id);
    const preview = await previewOrgChange(A.hebei!, { orgId: chengqu.id }, t.db);
    expect(preview).toEqual({ open: 2, submitted: 0, collisions: 0 });

    const res = await moveOrg(
      A.hebei!,
      ZMoveOrg.parse({ orgId: chengqu.id, parentId: other.id, tasks: "transfer" }),
      t.db,
    );
    expect(res).toMatchObject({ openTasks: 2, movedTasks: 2 });
    const moved = await org("1301230002");
    expect(moved.ancestorIds).toEqual([hebei.parentId, hebei.id, otherCity, other.id, chengqu.id]);
    expect(moved.depth).toBe(4);
    expect(moved.parentId).toBe(other.id);
    // m1 left 石家庄 and 正定 and arrived in the other city and county; 河北 still counts it once.
    expect([await counted(hebei.id, m1!), await counted(sjz.id, m1!), await counted(zd.id, m1!)]).toEqual([
      1, 0, 0,
    ]);
    expect([await counted(otherCity, m1!), await counted(other.id, m1!)]).toEqual([1, 1]);
    // m2's child is outside its parent's holder now: it counts in the regions of its new path below
    // 河北 (the shared part), while 正定's own task still counts in 河北, 石家庄 and 正定.
    const child = await taskOf(m2!, chengqu.id);
    expect(child.orgPath).toEqual(moved.ancestorIds);
    expect(child.countFrom).toBe(2);
    expect([await counted(hebei.id, m2!), await counted(sjz.id, m2!), await counted(zd.id, m2!)]).toEqual([
      1, 1, 1,
    ]);
    expect([await counted(otherCity, m2!), await counted(other.id, m2!)]).toEqual([1, 1]);
    // 正定 no longer sees the union: the review goes to the nearest org above both places, 河北.
    expect(child.reviewOrgId).toBe(hebei.id);
    expect((await taskOf(m1!, chengqu.id)).reviewOrgId).toBe(hebei.id);
    const ev = await t.db.taskEvent.findFirstOrThrow({ where: { taskId: child.id, type: "ORG_MOVED" } });
    expect(ev.changes).toEqual({
      region: ["正定县总工会", other.name],
      reviewOrg: ["正定县总工会", "河北省总工会"],
    });
    // Org counts: 1 org left 正定 and 石家庄 and joined the other county and city; no users there.
    expect(await counts(zd.id)).toEqual({ orgs: zdBefore.orgs - 1, users: zdBefore.users });
    expect(await counts(sjz.id)).toEqual({ orgs: sjzBefore.orgs - 1, users: sjzBefore.users });
    expect(await counts(other.id)).toEqual({ orgs: otherBefore.orgs + 1, users: otherBefore.users });
    await expectExact();
    expect((await getOrgHistory(chengqu.id, t.db))[0]).toMatchObject({
      action: "move",
      changes: { parent: ["正定县总工会", other.name] },
    });
    // Scope: 正定 cannot reach it any more; a county outside the actor's subtree is refused.
    expect(
      await codeOf(moveOrg(A.zhengding!, { orgId: chengqu.id, parentId: zd.id, tasks: "transfer" }, t.db)),
    ).toBe("NOT_FOUND");
    const wuchang = await org("420106");
    const refused = moveOrg(A.hebei!, { orgId: chengqu.id, parentId: wuchang.id, tasks: "transfer" }, t.db);
    await expect(refused).rejects.toMatchObject({
      code: "VALIDATION",
      fieldErrors: { parentId: "outOfScope" },
    });
    await expect(
      moveOrg(A.hebei!, { orgId: chengqu.id, parentId: other.id, tasks: "transfer" }, t.db),
    ).rejects.toMatchObject({
      code: "VALIDATION",
      fieldErrors: { parentId: "sameParent" },
    });
    expect(
      await codeOf(moveOrg(A.hebei!, { orgId: zd.id, parentId: other.id, tasks: "transfer" }, t.db)),
    ).toBe("ORG_NOT_CHANGEABLE");
  });

  it("merge: A's users and open tasks go to B, a measure B already holds is cancelled, A closes", async () => {
    const [, , , m4, m5] = measures;
    const zd = await org("130123");
    const a = await org("1301230001"); // 恒达: two users
    const b = await org("1301230004");
    await give(A.zhengding!, m4!, [a.id, b.id]);
    await give(A.zhengding!, m5!, [a.id]);
    expect(await counted(zd.id, m4!)).toBe(2);
    const preview = await previewOrgChange(A.zhengding!, { orgId: a.id, successorId: b.id }, t.db);
    expect(preview).toEqual({ open: 2, submitted: 0, collisions: 1 });
    const zdUsers = (await counts(zd.id)).users;
    const bBefore = await counts(b.id);
    const res = await mergeOrg(
      A.zhengding!,
      ZMergeOrg.parse({ orgId: a.id, intoId: b.id, tasks: "transfer" }),
      t.db,
    );
    expect(res).toMatchObject({ openTasks: 2, transferred: 1, cancelled: 1, users: 2 });
    const clash = await taskOf(m4!, a.id);
    expect(clash.status).toBe("CANCELLED");
    expect(clash.lastReason).toBe(
      "并入正定县润丰食品有限公司工会：正定县润丰食品有限公司工会已承办同一措施的任务",
    );
    const moved = await taskOf(m5!, b.id);
    expect(moved.status).toBe("PENDING_SIGN");
    expect(
      await t.db.taskEvent.findFirstOrThrow({
        where: { taskId: moved.id, type: "ORG_MERGED" },
        select: { changes: true },
      }),
    ).toEqual({ changes: { org: ["恒达机械集团工会", b.name] } });
    // By hand: 正定 counted m4 twice (A, B) → once (B); m5 once before and after (A → B, same county).
    expect(await counted(zd.id, m4!)).toBe(1);
    expect(await counted(zd.id, m5!)).toBe(1);
    const closed = await org("1301230001");
    expect(closed.closedAt).not.toBeNull();
    expect(closed.successorId).toBe(b.id);
    expect(await t.db.user.count({ where: { orgId: b.id } })).toBe(2);
    expect((await counts(zd.id)).users).toBe(zdUsers); // the users stayed inside 正定
    expect((await counts(b.id)).users).toBe(bBefore.users + 2);
    expect((await counts(zd.id)).orgs).toBeGreaterThan(0);
    await expectExact();
    // A closed org is no target: not for 下达, not for search, not for accounts, not for another change.
    await expect(give(A.zhengding!, measures[6]!, [a.id])).rejects.toMatchObject({
      code: "VALIDATION",
      fieldErrors: { target: "outOfScope" },
    });
    expect((await searchTargetOrgs(A.zhengding!, { q: "恒达" })).map((o) => o.id)).not.toContain(a.id);
    const newUser = ZCreateUser.parse({
      username: "closed.one",
      name: "关闭",
      role: "STAFF",
      orgId: a.id,
      phone: "",
      password: "Abc12345x",
    });
    await expect(createUser(A.zhengding!, newUser, t.db)).rejects.toMatchObject({
      code: "VALIDATION",
      fieldErrors: { orgId: "org" },
    });
    expect(await codeOf(renameOrg(A.zhengding!, { orgId: a.id, name: "再改名" }))).toBe("ORG_CLOSED");
    const c3 = await org("1301230003");
    await expect(
      mergeOrg(A.zhengding!, { orgId: c3.id, intoId: a.id, tasks: "transfer" }, t.db),
    ).rejects.toMatchObject({
      code: "VALIDATION",
      fieldErrors: { intoId: "orgClosed" },
    });
    expect((await getOrgHistory(b.id, t.db))[0]).toMatchObject({ action: "absorb" });
  });

  it("close: open tasks are cancelled with the reason (never one awaiting review), accounts deactivated", async () => {
    const [, , , , , m6, m7] = measures;
    const cz = await org("130102"); // 长安区
    const hx = await org("1301020001");
    await give(A.shijiazhuang!, m6!, [hx.id]);
    await give(A.shijiazhuang!, m7!, [hx.id]);
    const staff = await createUser(
      A.shijiazhuang!,
      ZCreateUser.parse({
        username: "hx.chair",
        name: "华信主席",
        role: "CHAIR",
        orgId: hx.id,
        phone: "",
        password: "Abc12345x",
      }),
      t.db,
    );
    const chair = (await loadActors(t.db))["hx.chair"]!;
    const x = await taskOf(m7!, hx.id);
    await signTask(chair, { taskId: x.id, version: x.version });
    const y = await taskOf(m7!, hx.id);
    await submitCompletion(chair, {
      taskId: y.id,
      version: y.version,
      clientToken: crypto.randomUUID(),
      summary: "已经完成任务",
      attachmentIds: [],
    });
    expect(await counted(cz.id, m6!)).toBe(1);
    const input = ZCloseOrg.parse({ orgId: hx.id, reason: "企业注销", tasks: "cancel" });
    expect(await codeOf(closeOrg(A.shijiazhuang!, input, t.db))).toBe("ORG_TASKS_SUBMITTED");
    expect((await org("1301020001")).closedAt).toBeNull(); // nothing was written
    // Transfer to a successor outside the subtree: refused on its field.
    const wc = await org("4201060001");
    await expect(
      closeOrg(A.shijiazhuang!, { ...input, tasks: "transfer", successorId: wc.id }, t.db),
    ).rejects.toMatchObject({
      code: "VALIDATION",
      fieldErrors: { successorId: "outOfScope" },
    });
    const succ = await org("1301020002");
    const succChair = await createUser(
      A.shijiazhuang!,
      ZCreateUser.parse({
        username: "mh.chair",
        name: "明华主席",
        role: "CHAIR",
        orgId: succ.id,
        phone: "",
        password: "Abc12345x",
      }),
      t.db,
    );
    const usersBefore = (await counts(cz.id)).users;
    const orgsBefore = (await counts(cz.id)).orgs;
    const res = await closeOrg(A.shijiazhuang!, { ...input, tasks: "transfer", successorId: succ.id }, t.db);
    expect(res).toMatchObject({ openTasks: 2, transferred: 2, cancelled: 0, deactivated: 1 });
    const sub = await taskOf(m7!, succ.id);
    expect(sub.status).toBe("SUBMITTED");
    expect(sub.responsibleId).toBeNull();
    expect(await counted(cz.id, m6!)).toBe(1);
    expect(await counted(cz.id, m7!)).toBe(1);
    expect(await counts(cz.id)).toEqual({ orgs: orgsBefore - 1, users: usersBefore - 1 });
    // The successor's recipients are told what they received.
    const notice = await t.db.notification.findFirstOrThrow({
      where: { userId: succChair.id, type: "TASKS_RECEIVED" },
    });
    expect(notice.params).toEqual({ fromOrg: hx.name, reason: "close", count: 2 });
    expect((await t.db.user.findUniqueOrThrow({ where: { id: staff.id } })).active).toBe(false);
    await expectExact();
    // Close with cancel: the successor's tasks (one awaiting review is refused first).
    const m6task = await taskOf(m6!, succ.id);
    expect(
      await codeOf(closeOrg(A.shijiazhuang!, { orgId: succ.id, reason: "合并撤销", tasks: "cancel" }, t.db)),
    ).toBe("ORG_TASKS_SUBMITTED");
    // The reviewer (石家庄, who assigned it) returns it first (退办): then it can be cancelled.
    await reviewCompletion(
      A.shijiazhuang!,
      ZReview.parse({ taskId: sub.id, version: sub.version, decision: "RETURNED", note: "单位撤销" }),
    );
    await closeOrg(A.shijiazhuang!, { orgId: succ.id, reason: "合并撤销", tasks: "cancel" }, t.db);
    const cancelled = await t.db.task.findUniqueOrThrow({ where: { id: m6task.id } });
    expect(cancelled).toMatchObject({ status: "CANCELLED", lastReason: "合并撤销" });
    const types = (
      await t.db.taskEvent.findMany({ where: { taskId: m6task.id }, orderBy: { id: "asc" } })
    ).map((e) => e.type);
    expect(types).toEqual(["ASSIGNED", "ORG_CLOSED", "CANCELLED", "ORG_CLOSED"]);
    expect([await counted(cz.id, m6!), await counted(cz.id, m7!)]).toEqual([0, 0]);
    await expectExact();
    expect(await t.db.auditEvent.count({ where: { action: "org.close" } })).toBe(2);
  });
  it("三员分立: the 系统管理员 (org:manage, no task permission) may move a union's open tasks along but not cancel them", async () => {
    // An open union of 长安 that the other cases left alone (the race below uses 1301020003).
    const cz = await org("130102");
    const u = await t.db.org.findFirstOrThrow({
      where: { parentId: cz.id, level: "GRASSROOTS", closedAt: null, code: { not: "1301020003" } },
    });
    const zd = await org("130123");
    await give(A.shijiazhuang!, measures[7]!, [u.id]);
    const task = await taskOf(measures[7]!, u.id);
    expect(await codeOf(closeOrg(A.admin!, { orgId: u.id, reason: "企业注销", tasks: "cancel" }, t.db))).toBe(
      "FORBIDDEN",
    );
    expect(
      await codeOf(
        moveOrg(A.admin!, { orgId: u.id, parentId: zd.id, tasks: "cancel", reason: "调整" }, t.db),
      ),
    ).toBe("FORBIDDEN");
    // Nothing was written: the union is open and its task still pending.
    expect((await org(u.code)).closedAt).toBeNull();
    expect((await t.db.task.findUniqueOrThrow({ where: { id: task.id } })).status).toBe(task.status);
    expect(await codeOf(moveOrg(A.admin!, { orgId: u.id, parentId: zd.id, tasks: "transfer" }, t.db))).toBe(
      "OK",
    );
    expect((await org(u.code)).parentId).toBe(zd.id);
    await expectExact();
  });
  it.runIf(!!process.env.TEST_DATABASE_URL)(
    "a move racing a 下达 to the same union never leaves a task on the old path (PostgreSQL only: real concurrency)",
    async () => {
      const zd = await org("130123");
      const cz = await org("130102");
      const u = await org("1301020003");
      for (let i = 0; i < 4; i++) {
        const here = (await org("1301020003")).parentId!;
        const to = here === cz.id ? zd.id : cz.id;
        await Promise.all([
          moveOrg(A.shijiazhuang!, { orgId: u.id, parentId: to, tasks: "transfer" }, t.db),
          giveAs(A.shijiazhuang!, { objectiveId: measures[i]!, orgIds: [u.id] }),
        ]);
      }
      const stale = await t.db.$queryRaw<{ id: number }[]>`
        SELECT t.id FROM "Task" t JOIN "Org" o ON o.id = t."orgId" WHERE t."orgPath" <> o."ancestorIds"`;
      expect(stale).toEqual([]);
      expect(await t.db.task.count({ where: { orgId: u.id } })).toBeGreaterThanOrEqual(4);
      await expectExact();
    },
  );
});
