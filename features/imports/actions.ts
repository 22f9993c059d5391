"use server";
import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/action";
import { getRequestMeta } from "@/lib/audit/request-meta";
import { authenticate } from "@/lib/auth/session";
import { ZImportJobRef } from "./schemas";
import { cancelImport } from "./server/cancel-job";
import { confirmImport } from "./server/confirm-job";

// 确认导入 and 取消 on a job in the user's scope of a kind the user may import (else NOT_FOUND).

export async function confirmImportAction(input: unknown) {
  return runAction(ZImportJobRef, input, async ({ id }) => {
    await confirmImport(await authenticate(), id, await getRequestMeta());
    revalidatePath(`/imports/${id}`);
  });
}

export async function cancelImportAction(input: unknown) {
  return runAction(ZImportJobRef, input, async ({ id }) => {
    await cancelImport(await authenticate(), id);
    revalidatePath(`/imports/${id}`);
  });
}
