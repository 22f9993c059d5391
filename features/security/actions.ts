"use server";
import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/action";
import { authorize } from "@/lib/auth/session";
import { ZSecuritySettings, ZUnlock } from "./schemas";
import { unlockLogin } from "./server/locks";
import { updateSecuritySettings } from "./server/update-settings";

export async function updateSecuritySettingsAction(input: unknown) {
  return runAction(ZSecuritySettings, input, async (data) => {
    const actor = await authorize("security:manage");
    const result = await updateSecuritySettings(actor, data);
    revalidatePath("/security/settings");
    return result;
  });
}

export async function unlockLoginAction(input: unknown) {
  return runAction(ZUnlock, input, async (data) => {
    const actor = await authorize("security:manage");
    const result = await unlockLogin(actor, data.id);
    revalidatePath("/security/locks");
    return result;
  });
}
