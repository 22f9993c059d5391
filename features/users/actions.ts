"use server";
import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/action";
import { authenticateSignedIn, authorize, currentSessionId } from "@/lib/auth/session";
import { isAppError, type TActionResult } from "@/lib/errors";
import { ZCreateUser, ZOrgSearch, ZResetPassword, ZSetActive, ZUpdateUser, zChangePassword } from "./schemas";
import { changeOwnPassword } from "./server/change-own-password";
import { createUser } from "./server/create-user";
import { searchManagedOrgs } from "./server/search-orgs";
import { resetPassword, setUserActive, updateUser } from "./server/update-user";

export async function createUserAction(input: unknown) {
  return runAction(ZCreateUser, input, async (data) => {
    const actor = await authorize("user:manage");
    const user = await createUser(actor, data);
    revalidatePath("/users");
    return user;
  });
}

export async function updateUserAction(input: unknown) {
  return runAction(ZUpdateUser, input, async (data) => {
    const result = await updateUser(await authorize("user:manage"), data);
    revalidatePath("/users");
    return result;
  });
}

export async function resetPasswordAction(input: unknown) {
  return runAction(ZResetPassword, input, async (data) =>
    resetPassword({ ...(await authorize("user:manage")), sessionId: await currentSessionId() }, data),
  );
}

export async function setUserActiveAction(input: unknown) {
  return runAction(ZSetActive, input, async (data) => {
    const result = await setUserActive(await authorize("user:manage"), data);
    revalidatePath("/users");
    return result;
  });
}

export async function searchManagedOrgsAction(input: unknown) {
  return runAction(ZOrgSearch, input, async (d) => searchManagedOrgs(await authorize("user:manage"), d.q));
}

/** Anyone signed in, also (and above all) while a manager-set password must be changed. */
export async function changeOwnPasswordAction(input: unknown): Promise<TActionResult<{ id: number }>> {
  const user = await authenticateSignedIn().catch((e: unknown) => {
    if (isAppError(e)) return null;
    throw e;
  });
  if (!user) return { ok: false, code: "UNAUTHENTICATED" };
  return runAction(zChangePassword(user.username), input, async (data) => {
    const result = await changeOwnPassword({ ...user, sessionId: await currentSessionId() }, data);
    revalidatePath("/", "layout");
    return result;
  });
}
