import { z } from "zod";
import { zText } from "@/lib/input";

export const ZLogin = z.object({
  username: zText().trim().min(1, "required").max(64),
  password: zText().min(1, "required").max(256),
});
export type TLogin = z.infer<typeof ZLogin>;
