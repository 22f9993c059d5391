import type { TRole } from "@/lib/auth/permissions";
import { roleLabel } from "./role-labels";

/** A field value of a people change as people read it (the role by its catalogue name). */
export function displayPersonValue(field: string, value: unknown): string {
  if (value === null || value === undefined) return "";
  if (field === "role") return roleLabel(value as TRole);
  return String(value);
}
