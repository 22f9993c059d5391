import type { TRole } from "@/lib/auth/permissions";

/** The part of the session a user-management domain function needs. */
export type TActor = { id: number; username: string; role: TRole; orgId: number };
