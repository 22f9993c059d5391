import en from "@/messages/en.json";
import zh from "@/messages/zh-CN.json";
import { ADMIN_ROLES, BUSINESS_ROLES, ROLES, type TRole } from "@/lib/auth/permissions";

// The 角色 column of the people template: the catalogue's role names (zh-CN first, English too),
// a few short forms people write in their own sheets, and the role codes. One source: the catalogue.

export type TBusinessRole = (typeof BUSINESS_ROLES)[number];

const SHORT_FORMS: Record<string, TRole> = {
  督办员: "MANAGER",
  主席: "CHAIR",
  工会主席: "CHAIR",
  干部: "STAFF",
  工作人员: "STAFF",
  // Never importable: "管理员" names an administrator, so it is refused rather than guessed.
  管理员: "ADMIN",
};

const normal = (s: string) => s.trim().replace(/\s+/g, " ").toLowerCase();

const BY_LABEL: ReadonlyMap<string, TRole> = new Map<string, TRole>([
  ...ROLES.flatMap((r) => [
    [normal(r), r] as const,
    [normal(zh.roles[r]), r] as const,
    [normal(en.roles[r]), r] as const,
  ]),
  ...Object.entries(SHORT_FORMS).map(([k, r]) => [normal(k), r] as const),
]);

/** The role a cell names, or null. */
export function roleFromLabel(label: string): TRole | null {
  return BY_LABEL.get(normal(label)) ?? null;
}

/** The three administrators are never created or given by an import (三员分立: the 安全管理员 makes them). */
export function isImportableRole(role: TRole): role is TBusinessRole {
  return !(ADMIN_ROLES as readonly TRole[]).includes(role);
}

/** What an export writes in the 角色 column (the Chinese catalogue name, which imports back). */
export function roleLabel(role: TRole): string {
  return zh.roles[role];
}
