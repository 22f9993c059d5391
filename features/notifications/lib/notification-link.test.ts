import { describe, expect, it } from "vitest";
import { notificationHref } from "./notification-link";

describe("notificationHref", () => {
  it("a new batch opens the batch's task list, anything with a task opens the task", () => {
    expect(notificationHref({ type: "NEW_TASKS", taskId: null, params: { batchId: 7, count: 3 } })).toBe(
      "/tasks?batch=7",
    );
    expect(notificationHref({ type: "NEW_TASKS", taskId: 5, params: { batchId: null, count: 1 } })).toBe(
      "/tasks/5",
    );
    expect(notificationHref({ type: "OVERDUE", taskId: 12, params: {} })).toBe("/tasks/12");
    expect(notificationHref({ type: "NUDGED", taskId: null, params: null })).toBe("/tasks");
  });

  it("a sign-in lock told to the 安全管理员 opens the locks page", () => {
    expect(
      notificationHref({ type: "ACCOUNT_LOCKED", taskId: null, params: { scope: "ACCOUNT", who: "x" } }),
    ).toBe("/security/locks");
  });
});
