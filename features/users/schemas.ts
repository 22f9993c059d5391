import { z } from "zod";
import { ROLES } from "@/lib/auth/permissions";

// Messages are codes; the UI turns them into catalogue text (validation.*).
const password = z
  .string()
  .min(8, "password")
  .max(100, "password")
  .refine((v) => /[A-Za-z]/.test(v) && /\d/.test(v), "password");

export const ZUserFields = z.object({
  name: z.string().trim().min(1, "name").max(40, "name"),
  role: z.enum(ROLES, { message: "role" }),
  phone: z
    .union([
      z.literal(""),
      z
        .string()
        .trim()
        .regex(/^1\d{10}$/, "phone"),
    ])
    .optional(),
});

export const ZCreateUser = ZUserFields.extend({
  username: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9._-]{3,32}$/, "username"),
  orgCode: z.string().trim().min(1, "orgCode").max(20, "orgCode"),
  password,
});
export type TCreateUser = z.infer<typeof ZCreateUser>;

export const ZUpdateUser = ZUserFields.extend({ id: z.number().int().positive() });
export type TUpdateUser = z.infer<typeof ZUpdateUser>;

export const ZResetPassword = z
  .object({ id: z.number().int().positive(), password, confirm: z.string() })
  .refine((v) => v.password === v.confirm, { message: "passwordMismatch", path: ["confirm"] });
export type TResetPassword = z.infer<typeof ZResetPassword>;

export const ZSetActive = z.object({ id: z.number().int().positive(), active: z.boolean() });
export type TSetActive = z.infer<typeof ZSetActive>;
