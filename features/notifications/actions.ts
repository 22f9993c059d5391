"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { authenticate, getSession } from "@/lib/auth/session";
import { idParam } from "@/lib/http";
import { safeRedirectPath } from "@/lib/safe-path";
import { notificationHref } from "./lib/notification-link";
import { markRead } from "./server/list-notifications";

/** 全部标为已读 (a plain form action: works without JavaScript). */
export async function markAllReadAction(): Promise<void> {
  await markRead(await authenticate());
  revalidatePath("/", "layout");
}

/**
 * Opening a notification from the list (a POST form: works without JavaScript): marks it read and
 * goes where it points. The GET link /notifications/:id/open only redirects, so a cross-site link
 * changes nothing.
 */
export async function openNotificationAction(form: FormData): Promise<void> {
  const user = await getSession();
  if (!user) redirect("/login");
  const id = idParam(String(form.get("id") ?? ""));
  const n = id ? await markRead(user, [id]) : null;
  revalidatePath("/", "layout");
  redirect(safeRedirectPath(n ? notificationHref(n) : null, "/notifications"));
}
