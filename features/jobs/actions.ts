"use server";
import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/action";
import { authorize } from "@/lib/auth/session";
import { ZRunJob } from "./schemas";
import { runJobNow } from "./server/run-now";

/** 立即运行 on /system/jobs (系统管理员). */
export async function runJobNowAction(input: unknown) {
  return runAction(ZRunJob, input, async (data) => {
    const actor = await authorize("system:admin");
    const result = await runJobNow(actor, data.name);
    revalidatePath("/system/jobs");
    return result;
  });
}
