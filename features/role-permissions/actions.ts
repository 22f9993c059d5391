"use server";
import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/action";
import { authorize } from "@/lib/auth/session";
import { ZPermissionTable } from "./schemas";
import { savePermissionTable } from "./server/save-permission-table";

export async function savePermissionTableAction(input: unknown) {
  return runAction(ZPermissionTable, input, async (data) => {
    const result = await savePermissionTable(await authorize("security:manage"), data.table);
    revalidatePath("/", "layout");
    return result;
  });
}
