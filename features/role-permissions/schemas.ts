import { z } from "zod";
import { PERMISSIONS, ROLES } from "@/lib/auth/permissions";

/** The whole role → permission table, as the page sends it (zod 4: every role must be present). */
export const ZPermissionTable = z.object({
  table: z.record(z.enum(ROLES), z.array(z.enum(PERMISSIONS)).max(PERMISSIONS.length)),
});
export type TPermissionTable = z.infer<typeof ZPermissionTable>["table"];
