"use server";
import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/action";
import { authorize } from "@/lib/auth/session";
import { ZWarningSetting } from "./schemas";
import { saveWarningSetting } from "./server/warning-settings";

/** 预警规则: the holder of task:assign sets its own org's N and X (the tasks it assigns). */
export async function saveWarningSettingAction(input: unknown) {
  return runAction(ZWarningSetting, input, async (data) => {
    const result = await saveWarningSetting(await authorize("task:assign"), data);
    revalidatePath("/settings/warnings");
    return result;
  });
}
