import { z } from "zod";

export const ZLogin = z.object({
  username: z.string().trim().min(1, "required").max(64),
  password: z.string().min(1, "required").max(256),
});
export type TLogin = z.infer<typeof ZLogin>;
