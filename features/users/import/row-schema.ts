import { z } from "zod";
import type { TImportColumn } from "@/features/imports/lib/spec";
import { zText } from "@/lib/input";
import { ZUserFields, ZUsername } from "../schemas";
import { isImportableRole, roleFromLabel, type TBusinessRole } from "./role-labels";

// One row of the people template. The fields are checked by the same schema pieces as the
// create-user form (name, username, phone); the org is named by code or by name path and resolved
// against the database in classify; the role is a catalogue name (role-labels.ts).

export const PERSON_COLUMNS = [
  { key: "name", header: "姓名", headerEn: "Name", required: true, example: "张三" },
  { key: "username", header: "用户名", headerEn: "Username", required: true, example: "zhangsan" },
  { key: "phone", header: "手机号", headerEn: "Mobile", required: false, example: "13800000000" },
  {
    key: "org",
    header: "所属工会",
    headerEn: "Union",
    required: true,
    example: "河北省总工会/石家庄市总工会/正定县总工会/某某公司工会",
  },
  { key: "role", header: "角色", headerEn: "Role", required: true, example: "基层工会主席" },
] as const satisfies readonly TImportColumn[];

/** The 所属工会 cell: an org code, or a name path ending in the org (河北省总工会/…/某某公司工会). */
export const ZOrgRef = zText().trim().min(1, "org").max(300, "org");

const ZRoleCell = z.string().transform((label, ctx): TBusinessRole => {
  const role = roleFromLabel(label);
  if (!role) {
    ctx.addIssue({ code: "custom", message: "role" });
    return z.NEVER;
  }
  if (!isImportableRole(role)) {
    ctx.addIssue({ code: "custom", message: "roleNotImportable" });
    return z.NEVER;
  }
  return role;
});

export const ZPersonRow = z.object({
  name: ZUserFields.shape.name,
  username: ZUsername,
  phone: ZUserFields.shape.phone.transform((v) => v ?? ""),
  org: ZOrgRef,
  role: ZRoleCell,
});
export type TPersonRow = z.infer<typeof ZPersonRow>;
