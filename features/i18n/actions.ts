"use server";
import { cookies } from "next/headers";
import { LOCALE_COOKIE, toLocale } from "@/lib/i18n/config";

export async function setLocaleAction(value: string): Promise<void> {
  (await cookies()).set(LOCALE_COOKIE, toLocale(value), {
    path: "/",
    maxAge: 365 * 24 * 3600,
    sameSite: "lax",
  });
}
