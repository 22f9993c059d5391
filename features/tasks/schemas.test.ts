import { describe, expect, it } from "vitest";
import { addDays, chinaToday, formatDay } from "@/lib/dates";
import { ZCreateUser, ZOrgSearch, ZResetPassword, ZSetActive, ZUpdateUser } from "@/features/users/schemas";
import { ZExportQuery } from "@/features/exports/schemas";
import { ZCompletionQuery } from "@/features/rollups/schemas";
import {
  ZAssignStaff,
  ZAssignTasks,
  ZClaimTask,
  ZComment,
  ZDecideExtension,
  ZLogProgress,
  ZNudge,
  ZReasoned,
  ZReassign,
  ZRequestExtension,
  ZReview,
  ZSubmitCompletion,
  ZTaskFilters,
  ZTaskRef,
  ZTransfer,
} from "./schemas";

// A valid due date: these tests are about other fields, so it stays in the future whenever they run.
const LATER = formatDay(addDays(chinaToday(), 90));

const firstMessage = (r: {
  success: boolean;
  error?: { issues: { path: PropertyKey[]; message: string }[] };
}) => (r.success ? null : Object.fromEntries(r.error!.issues.map((i) => [i.path.join("."), i.message])));

const progress = {
  taskId: 1,
  version: 1,
  clientToken: "0123456789abcdef",
  percent: 30,
  state: "NORMAL",
  narrative: "进展正常",
};

describe("finding 9: a blank percent is required, never 0", () => {
  it("refuses blank, null and missing with `required`", () => {
    for (const percent of ["", "  ", null, undefined])
      expect(firstMessage(ZLogProgress.safeParse({ ...progress, percent })), String(percent)).toEqual({
        percent: "required",
      });
    const { percent: _omit, ...without } = progress;
    expect(firstMessage(ZLogProgress.safeParse(without))).toEqual({ percent: "required" });
  });

  it("accepts whole numbers 0..100 from the number box or as numbers, nothing else", () => {
    expect(ZLogProgress.parse({ ...progress, percent: "0" }).percent).toBe(0);
    expect(ZLogProgress.parse({ ...progress, percent: " 45 " }).percent).toBe(45);
    expect(ZLogProgress.parse({ ...progress, percent: 100 }).percent).toBe(100);
    for (const percent of ["101", "-1", "1e2", "50.5", 50.5, "abc", 101, Number.NaN, true])
      expect(firstMessage(ZLogProgress.safeParse({ ...progress, percent })), String(percent)).toEqual({
        percent: "percent",
      });
  });
});

describe("finding 7: ids in every action schema are strict", () => {
  const ref = { taskId: 1, version: 1 };
  const cases: [
    string,
    { safeParse: (v: unknown) => { success: boolean } },
    Record<string, unknown>,
    string,
  ][] = [
    ["ZTaskRef.taskId", ZTaskRef, ref, "taskId"],
    ["ZTaskRef.version", ZTaskRef, ref, "version"],
    ["ZReasoned", ZReasoned, { ...ref, reason: "原因说明" }, "taskId"],
    ["ZReassign", ZReassign, ref, "taskId"],
    ["ZTransfer.orgId", ZTransfer, { ...ref, clientToken: "0123456789", orgId: 5 }, "orgId"],
    ["ZAssignStaff.responsibleId", ZAssignStaff, { ...ref, responsibleId: 3 }, "responsibleId"],
    ["ZLogProgress", ZLogProgress, progress, "taskId"],
    ["ZDecideExtension", ZDecideExtension, { ...ref, extensionId: 2, approve: true }, "extensionId"],
    ["ZNudge", ZNudge, { taskId: 1 }, "taskId"],
    ["ZComment", ZComment, { taskId: 1, message: "好" }, "taskId"],
    ["ZClaimTask", ZClaimTask, { objectiveId: 1, dueDate: LATER }, "objectiveId"],
    ["ZUpdateUser", ZUpdateUser, { id: 1, name: "张三", role: "STAFF" }, "id"],
    ["ZSetActive", ZSetActive, { id: 1, active: false }, "id"],
    ["ZResetPassword", ZResetPassword, { id: 1, password: "Abcdef12x", confirm: "Abcdef12x" }, "id"],
  ];
  const rows = cases.map(([name, schema, valid, key]) => ({ name, schema, valid, key }));
  it.each(rows)(
    "$name accepts 1..2^31-1 and refuses larger or non-canonical ids",
    ({ schema, valid, key }) => {
      expect(schema.safeParse(valid).success).toBe(true);
      expect(schema.safeParse({ ...valid, [key]: 2 ** 31 - 1 }).success).toBe(true);
      for (const bad of [2 ** 31, 99999999999, 0, -1, 1.5, "1e2", "99999999999"])
        expect(schema.safeParse({ ...valid, [key]: bad }).success, String(bad)).toBe(false);
    },
  );

  it("id lists and the 下达 target refuse oversized ids", () => {
    const assign = {
      clientToken: "0123456789abcdef",
      objectiveIds: [1],
      target: { mode: "orgs", orgIds: [2] },
      dueDate: LATER,
    };
    expect(ZAssignTasks.safeParse(assign).success).toBe(true);
    expect(ZAssignTasks.safeParse({ ...assign, objectiveIds: [99999999999] }).success).toBe(false);
    expect(ZAssignTasks.safeParse({ ...assign, target: { mode: "orgs", orgIds: [2 ** 31] } }).success).toBe(
      false,
    );
    expect(
      ZAssignTasks.safeParse({ ...assign, target: { mode: "level", level: "COUNTY", underOrgId: "1e2" } })
        .success,
    ).toBe(false);
    expect(ZSubmitCompletion.safeParse({ ...ZSub, attachmentIds: [2 ** 31] }).success).toBe(false);
    expect(firstMessage(ZCreateUser.safeParse({ ...user, orgId: 2 ** 31 }))).toEqual({ orgId: "org" });
  });

  it("URL filters drop ids that are not ids instead of failing or guessing", () => {
    expect(ZTaskFilters.parse({ org: "99999999999", batch: "1e2", cursor: "2147483648", main: "7" })).toEqual(
      {
        main: 7,
      },
    );
    expect(ZCompletionQuery.parse({ org: "1e2", page: "99999999999" })).toEqual({});
    expect(ZExportQuery.safeParse({ org: "99999999999" }).success).toBe(false);
    expect(ZExportQuery.parse({ org: "12" }).org).toBe(12);
  });
});

const ZSub = { taskId: 1, version: 1, clientToken: "0123456789abcdef", summary: "全部完成了" };
const user = { username: "zhang.san", name: "张三", role: "STAFF", orgId: 1, password: "Abcdef12x" };

describe("finding 8: NUL, control characters and lone surrogates are a validation error everywhere", () => {
  const texts: [string, { safeParse: (v: unknown) => unknown }, Record<string, unknown>, string][] = [
    ["comment", ZComment, { taskId: 1, message: "好" }, "message"],
    ["nudge", ZNudge, { taskId: 1, message: "请尽快" }, "message"],
    ["progress narrative", ZLogProgress, progress, "narrative"],
    ["completion summary", ZSubmitCompletion, ZSub, "summary"],
    ["hand-back reason", ZReasoned, { taskId: 1, version: 1, reason: "原因说明" }, "reason"],
    ["review note", ZReview, { taskId: 1, version: 1, decision: "RETURNED", note: "材料不全" }, "note"],
    [
      "extension reason",
      ZRequestExtension,
      { taskId: 1, version: 1, clientToken: "0123456789", toDue: LATER, reason: "需要时间" },
      "reason",
    ],
    ["claim note", ZClaimTask, { objectiveId: 1, dueDate: LATER, note: "说明" }, "note"],
    ["user name", ZCreateUser, user, "name"],
    ["org search", ZOrgSearch, { q: "石家庄" }, "q"],
  ];
  const rows = texts.map(([name, schema, valid, key]) => ({ name, schema, valid, key }));
  it.each(rows)("$name", ({ schema, valid, key }) => {
    expect(firstMessage(schema.safeParse(valid) as never)).toBeNull();
    for (const bad of ["a\u0000b", "好\uD800好", "\uDFFF结尾", "x\u001by"])
      expect(
        firstMessage(schema.safeParse({ ...valid, [key]: `${valid[key]}${bad}` }) as never),
        bad,
      ).toEqual({
        [key]: "text",
      });
  });

  it("a client token is a plain token: never NUL or other text", () => {
    expect(ZSubmitCompletion.safeParse({ ...ZSub, clientToken: "0123456789\u0000abc" }).success).toBe(false);
    expect(ZSubmitCompletion.safeParse({ ...ZSub, clientToken: crypto.randomUUID() }).success).toBe(true);
  });

  it("the task list's search box ignores unclean text", () => {
    expect(ZTaskFilters.parse({ q: "a\u0000" }).q).toBeUndefined();
    expect(ZTaskFilters.parse({ q: "\uD800" }).q).toBeUndefined();
    expect(ZTaskFilters.parse({ q: " 正定 " }).q).toBe("正定");
  });
});
