import { day } from "./world";
import { noOrgOutside, perms, ref, token, type TActionCase } from "./registry-kit";

// Registry entries: the task actions (features/tasks/actions.ts).

export const TASK_ACTIONS: Record<string, TActionCase> = {
  assignTasksAction: {
    needs: perms("task:assign"),
    own: async (c) => ({
      clientToken: token(),
      objectiveIds: [await c.t.measure([c.w.orgs.own.below])],
      target: { mode: "orgs", orgIds: [c.w.orgs.own.below] },
      dueDate: day(90),
    }),
    other: async (c) => ({
      clientToken: token(),
      objectiveIds: [await c.t.measure([c.w.orgs.other.below])],
      target: { mode: "orgs", orgIds: [c.w.orgs.other.below] },
      dueDate: day(90),
    }),
    otherAlso: ["VALIDATION"],
  },
  claimTaskAction: {
    needs: perms("task:claim"),
    own: async (c) => ({ objectiveId: await c.t.measure([c.me.orgId]), dueDate: day(90) }),
    other: { none: "claims for the caller's own org only" },
  },
  signTaskAction: {
    needs: perms("task:handle"),
    own: (c) => ref(c, "own", { at: "held", status: "PENDING_SIGN" }),
    other: (c) => ref(c, "other", { at: "held", status: "PENDING_SIGN" }),
  },
  handBackTaskAction: {
    needs: perms("task:handle"),
    own: async (c) => ({
      ...(await ref(c, "own", { at: "held", status: "PENDING_SIGN" })),
      reason: "无法承办",
    }),
    other: async (c) => ({
      ...(await ref(c, "other", { at: "held", status: "PENDING_SIGN" })),
      reason: "无法承办",
    }),
  },
  reassignTaskAction: {
    needs: perms("task:assign"),
    own: (c) => ref(c, "own", { at: "below", status: "HANDED_BACK" }),
    other: (c) => ref(c, "other", { at: "below", status: "HANDED_BACK" }),
  },
  transferTaskAction: {
    needs: perms("task:assign"),
    own: async (c) => ({
      ...(await ref(c, "own", { at: "below", status: "HANDED_BACK" })),
      clientToken: token(),
      orgId: c.w.orgs.own.below2,
    }),
    other: async (c) => ({
      ...(await ref(c, "other", { at: "below", status: "HANDED_BACK" })),
      clientToken: token(),
      orgId: c.w.orgs.other.below2,
    }),
  },
  searchTransferTargetsAction: {
    needs: perms("task:assign"),
    own: async (c) => ({ taskId: (await c.t.task("own", { at: "below", status: "HANDED_BACK" })).id, q: "" }),
    other: async (c) => ({
      taskId: (await c.t.task("other", { at: "below", status: "HANDED_BACK" })).id,
      q: "",
    }),
  },
  cancelTaskAction: {
    needs: perms("task:assign"),
    own: async (c) => ({
      ...(await ref(c, "own", { at: "below", status: "PENDING_SIGN" })),
      reason: "不再需要",
    }),
    other: async (c) => ({
      ...(await ref(c, "other", { at: "below", status: "PENDING_SIGN" })),
      reason: "不再需要",
    }),
  },
  assignStaffAction: {
    needs: perms("task:staff"),
    // The responsible person must work in the holding org: the STAFF caller does.
    own: async (c) => ({
      ...(await ref(c, "own", { at: "held", status: "IN_PROGRESS" })),
      responsibleId: c.w.callers.STAFF.id,
    }),
    other: async (c) => ({
      ...(await ref(c, "other", { at: "held", status: "IN_PROGRESS" })),
      responsibleId: c.w.demo["wuhan"]!.id,
    }),
  },
  logProgressAction: {
    // The caller is the task's responsible person: staff log as workers, chairs for their org.
    needs: perms("progress:log", "task:staff"),
    own: async (c) => ({
      ...(await ref(c, "own", { at: "held", status: "IN_PROGRESS", worker: c.me.id })),
      clientToken: token(),
      percent: 40,
      state: "NORMAL",
      narrative: "完成四成",
    }),
    other: async (c) => ({
      ...(await ref(c, "other", { at: "held", status: "IN_PROGRESS" })),
      clientToken: token(),
      percent: 40,
      state: "NORMAL",
      narrative: "完成四成",
    }),
  },
  submitCompletionAction: {
    needs: perms("task:handle"),
    own: async (c) => ({
      ...(await ref(c, "own", { at: "held", status: "IN_PROGRESS" })),
      clientToken: token(),
      summary: "已全部完成",
    }),
    other: async (c) => ({
      ...(await ref(c, "other", { at: "held", status: "IN_PROGRESS" })),
      clientToken: token(),
      summary: "已全部完成",
    }),
  },
  withdrawCompletionAction: {
    needs: perms("task:handle"),
    own: (c) => ref(c, "own", { at: "held", status: "SUBMITTED" }),
    other: (c) => ref(c, "other", { at: "held", status: "SUBMITTED" }),
  },
  reviewCompletionAction: {
    needs: perms("task:review"),
    own: async (c) => ({
      ...(await ref(c, "own", { at: "below", status: "SUBMITTED" })),
      decision: "APPROVED",
    }),
    other: async (c) => ({
      ...(await ref(c, "other", { at: "below", status: "SUBMITTED" })),
      decision: "APPROVED",
    }),
  },
  requestExtensionAction: {
    needs: perms("task:handle"),
    own: async (c) => ({
      ...(await ref(c, "own", { at: "held", status: "IN_PROGRESS" })),
      clientToken: token(),
      toDue: day(200),
      reason: "需要更多时间",
    }),
    other: async (c) => ({
      ...(await ref(c, "other", { at: "held", status: "IN_PROGRESS" })),
      clientToken: token(),
      toDue: day(200),
      reason: "需要更多时间",
    }),
  },
  decideExtensionAction: {
    needs: perms("task:review"),
    own: async (c) => {
      const t = await c.t.task("own", { at: "below", status: "IN_PROGRESS", extension: true });
      return { taskId: t.id, version: t.version, extensionId: t.extensionId, approve: true };
    },
    other: async (c) => {
      const t = await c.t.task("other", { at: "below", status: "IN_PROGRESS", extension: true });
      return { taskId: t.id, version: t.version, extensionId: t.extensionId, approve: true };
    },
  },
  nudgeTaskAction: {
    needs: perms("task:assign"),
    own: async (c) => ({ taskId: (await c.t.task("own", { at: "below", status: "PENDING_SIGN" })).id }),
    other: async (c) => ({ taskId: (await c.t.task("other", { at: "below", status: "PENDING_SIGN" })).id }),
  },
  nudgeChildrenAction: {
    needs: perms("task:assign"),
    own: async (c) => ({
      taskId: (await c.t.task("own", { at: "held", status: "IN_PROGRESS", withChild: true })).id,
    }),
    other: async (c) => ({
      taskId: (await c.t.task("other", { at: "held", status: "IN_PROGRESS", withChild: true })).id,
    }),
  },
  commentOnTaskAction: {
    // Everyone who can read the task (its scope) and holds the business read permission.
    needs: perms("objective:read"),
    own: async (c) => ({
      taskId: (await c.t.task("own", { at: "held", status: "IN_PROGRESS" })).id,
      message: "意见",
    }),
    other: async (c) => ({
      taskId: (await c.t.task("other", { at: "held", status: "IN_PROGRESS" })).id,
      message: "意见",
    }),
  },
  searchTargetOrgsAction: {
    needs: perms("task:assign"),
    own: async () => ({ q: "正定" }),
    other: async () => ({ q: "武" }),
    otherEmpty: noOrgOutside,
  },
  countTargetOrgsAction: {
    needs: perms("task:assign"),
    own: async (c) => ({ target: { mode: "level", level: "COUNTY", underOrgId: c.w.orgs.own.held } }),
    other: async (c) => ({ target: { mode: "level", level: "COUNTY", underOrgId: c.w.orgs.other.held } }),
    otherAlso: ["VALIDATION"],
    otherEmpty: ({ data }) => (data as { orgs: number }).orgs === 0,
  },
};
