"use server";
import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/action";
import { authorize } from "@/lib/auth/session";
import { ZCloseOrg, ZMergeOrg, ZMoveOrg, ZOrgChangePreview, ZOrgChangeTargets, ZRenameOrg } from "./schemas";
import { closeOrg } from "./server/change/close-org";
import { mergeOrg } from "./server/change/merge-org";
import { moveOrg } from "./server/change/move-org";
import { previewOrgChange, searchOrgChangeTargets } from "./server/change/preview";
import { renameOrg } from "./server/change/rename-org";

// 单位调整: every action needs org:manage and acts strictly inside the caller's subtree.

export async function renameOrgAction(input: unknown) {
  return runAction(ZRenameOrg, input, async (data) => {
    const result = await renameOrg(await authorize("org:manage"), data);
    revalidatePath("/orgs", "layout");
    return result;
  });
}

export async function moveOrgAction(input: unknown) {
  return runAction(ZMoveOrg, input, async (data) => {
    const result = await moveOrg(await authorize("org:manage"), data);
    revalidatePath("/", "layout");
    return result;
  });
}

export async function mergeOrgAction(input: unknown) {
  return runAction(ZMergeOrg, input, async (data) => {
    const result = await mergeOrg(await authorize("org:manage"), data);
    revalidatePath("/", "layout");
    return result;
  });
}

export async function closeOrgAction(input: unknown) {
  return runAction(ZCloseOrg, input, async (data) => {
    const result = await closeOrg(await authorize("org:manage"), data);
    revalidatePath("/", "layout");
    return result;
  });
}

export async function searchOrgChangeTargetsAction(input: unknown) {
  return runAction(ZOrgChangeTargets, input, async (data) =>
    searchOrgChangeTargets(await authorize("org:manage"), data),
  );
}

export async function previewOrgChangeAction(input: unknown) {
  return runAction(ZOrgChangePreview, input, async (data) =>
    previewOrgChange(await authorize("org:manage"), data),
  );
}
