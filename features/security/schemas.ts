import { z } from "zod";

export {
  ZSecuritySettings,
  SECURITY_SETTING_BOUNDS,
  SECURITY_SETTING_KEYS,
} from "@/lib/security/settings-schema";
export type { TSecuritySettings } from "@/lib/security/settings-schema";

export const ZUnlock = z.object({ id: z.number().int().positive() });
export type TUnlock = z.infer<typeof ZUnlock>;
