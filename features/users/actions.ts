"use server";
import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/action";
import { authorize } from "@/lib/auth/session";
import { ZCreateUser, ZResetPassword, ZSetActive, ZUpdateUser } from "./schemas";
import { createUser } from "./server/create-user";
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
    resetPassword(await authorize("user:manage"), data),
  );
}

export async function setUserActiveAction(input: unknown) {
  return runAction(ZSetActive, input, async (data) => {
    const result = await setUserActive(await authorize("user:manage"), data);
    revalidatePath("/users");
    return result;
  });
}
