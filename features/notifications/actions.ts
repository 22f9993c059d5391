"use server";
import { revalidatePath } from "next/cache";
import { authenticate } from "@/lib/auth/session";
import { markRead } from "./server/list-notifications";

/** 全部标为已读 (a plain form action: works without JavaScript). */
export async function markAllReadAction(): Promise<void> {
  await markRead(await authenticate());
  revalidatePath("/", "layout");
}
