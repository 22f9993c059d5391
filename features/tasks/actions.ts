"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { runAction } from "@/lib/action";
import { authorize } from "@/lib/auth/session";
import { zId, zText } from "@/lib/input";
import {
  ZAssignStaff,
  ZAssignTasks,
  ZClaimTask,
  ZCountTargets,
  ZComment,
  ZDecideExtension,
  ZLogProgress,
  ZNudge,
  ZReasoned,
  ZReassign,
  ZRequestExtension,
  ZReview,
  ZSubmitCompletion,
  ZTaskRef,
  ZTransfer,
} from "./schemas";
import { assignStaff } from "./server/assign-staff";
import { assignTasks } from "./server/assign-tasks";
import { claimTask } from "./server/claim-task";
import { decideExtension } from "./server/decide-extension";
import { requestExtension } from "./server/request-extension";
import { logProgress } from "./server/log-progress";
import { commentOnTask, nudgeTask } from "./server/nudge-comment";
import { cancelTask } from "./server/cancel-task";
import { handBackTask } from "./server/hand-back-task";
import { reassignTask } from "./server/reassign-task";
import { signTask } from "./server/sign-task";
import { reviewCompletion } from "./server/review-completion";
import { submitCompletion } from "./server/submit-completion";
import { withdrawCompletion } from "./server/withdraw-completion";
import { transferTask } from "./server/transfer-task";
import { nudgeChildren } from "./server/nudge-children";
import { searchTransferTargets } from "./server/transfer-targets";
import { searchTargetOrgs } from "./server/search-target-orgs";
import { countTargetOrgs } from "./server/count-targets";

// Thin: parse (runAction) → taskActor → domain function (which checks the user's
// relation to the task, scope and status) → revalidate what changed.
// Task records are business data: 三员分立 keeps the three administrators out of them (their roles hold
// no objective:read), so every task action needs it before the relation checks.
const taskActor = () => authorize("objective:read");

function done<T>(taskId: number | undefined, result: T): T {
  revalidatePath("/tasks");
  revalidatePath("/my-tasks");
  revalidatePath("/review");
  if (taskId) revalidatePath(`/tasks/${taskId}`);
  return result;
}

export const assignTasksAction = async (input: unknown) =>
  runAction(ZAssignTasks, input, async (d) =>
    done(d.parentTaskId, await assignTasks(await authorize("task:assign"), d)),
  );
export const claimTaskAction = async (input: unknown) =>
  runAction(ZClaimTask, input, async (d) =>
    done(undefined, await claimTask(await authorize("task:claim"), d)),
  );
export const signTaskAction = async (input: unknown) =>
  runAction(ZTaskRef, input, async (d) => done(d.taskId, await signTask(await taskActor(), d)));
export const handBackTaskAction = async (input: unknown) =>
  runAction(ZReasoned, input, async (d) => done(d.taskId, await handBackTask(await taskActor(), d)));
export const reassignTaskAction = async (input: unknown) =>
  runAction(ZReassign, input, async (d) => done(d.taskId, await reassignTask(await taskActor(), d)));
export const transferTaskAction = async (input: unknown) =>
  runAction(ZTransfer, input, async (d) => {
    const result = await transferTask(await taskActor(), d);
    revalidatePath(`/tasks/${result.taskId}`);
    return done(d.taskId, result);
  });
export const searchTransferTargetsAction = async (input: unknown) =>
  runAction(z.object({ taskId: zId, q: zText().trim().max(40) }), input, async (d) =>
    searchTransferTargets(await taskActor(), d),
  );
export const cancelTaskAction = async (input: unknown) =>
  runAction(ZReasoned, input, async (d) => done(d.taskId, await cancelTask(await taskActor(), d)));
export const assignStaffAction = async (input: unknown) =>
  runAction(ZAssignStaff, input, async (d) => done(d.taskId, await assignStaff(await taskActor(), d)));
// 进展填报 revalidates nothing: the form leaves for the task page, which is rendered fresh (every page
// is dynamic), so a revalidation would only re-render the form's page into the answer. That render
// cost five times the write itself and capped the deadline rush through HTTP (BENCHMARKS.md).
export const logProgressAction = async (input: unknown) =>
  runAction(ZLogProgress, input, async (d) => logProgress(await taskActor(), d));
export const submitCompletionAction = async (input: unknown) =>
  runAction(ZSubmitCompletion, input, async (d) =>
    done(d.taskId, await submitCompletion(await taskActor(), d)),
  );
export const withdrawCompletionAction = async (input: unknown) =>
  runAction(ZTaskRef, input, async (d) => done(d.taskId, await withdrawCompletion(await taskActor(), d)));
export const reviewCompletionAction = async (input: unknown) =>
  runAction(ZReview, input, async (d) => done(d.taskId, await reviewCompletion(await taskActor(), d)));
export const requestExtensionAction = async (input: unknown) =>
  runAction(ZRequestExtension, input, async (d) =>
    done(d.taskId, await requestExtension(await taskActor(), d)),
  );
export const decideExtensionAction = async (input: unknown) =>
  runAction(ZDecideExtension, input, async (d) =>
    done(d.taskId, await decideExtension(await taskActor(), d)),
  );
export const nudgeTaskAction = async (input: unknown) =>
  runAction(ZNudge, input, async (d) => done(d.taskId, await nudgeTask(await taskActor(), d)));
export const nudgeChildrenAction = async (input: unknown) =>
  runAction(ZNudge, input, async (d) => done(d.taskId, await nudgeChildren(await taskActor(), d)));
export const commentOnTaskAction = async (input: unknown) =>
  runAction(ZComment, input, async (d) => done(d.taskId, await commentOnTask(await taskActor(), d)));
export const searchTargetOrgsAction = async (input: unknown) =>
  runAction(z.object({ q: zText().trim().max(40), parentTaskId: zId.optional() }), input, async (d) =>
    searchTargetOrgs(await authorize("task:assign"), d),
  );
export const countTargetOrgsAction = async (input: unknown) =>
  runAction(ZCountTargets, input, async (d) => countTargetOrgs(await authorize("task:assign"), d));
