import { ORG_TYPE_NAMES, type TOrgType } from "../schemas";

/** A field value of an ORGS change as people read it (the type by its Chinese name). */
export function displayOrgValue(field: string, value: unknown): string {
  if (value === null || value === undefined) return "";
  if (field === "type") return ORG_TYPE_NAMES[value as TOrgType] ?? String(value);
  return String(value);
}
