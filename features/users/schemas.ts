import { z } from "zod";
import { ZPassword, passwordIsUsername } from "@/lib/auth/password-policy";
import { ROLES } from "@/lib/auth/permissions";
import { MAX_ID, zNumberId, zText } from "@/lib/input";

// Messages are codes; the UI turns them into catalogue text (validation.*).

// The password policy lives in lib/auth/password-policy.ts (also used by the sign-in and set-password code).
export { ZPassword, passwordClasses, passwordIsUsername } from "@/lib/auth/password-policy";

export const ZUserFields = z.object({
  name: zText().trim().min(1, "name").max(40, "name"),
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

/** Usernames are stored and compared in lower case (sign-in lowers what is typed). */
export const ZUsername = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9._-]{3,32}$/, "username");

export const ZCreateUser = ZUserFields.extend({
  username: ZUsername,
  orgId: z.number({ message: "org" }).int("org").positive("org").max(MAX_ID, "org"),
  password: ZPassword,
}).superRefine((v, ctx) => {
  if (passwordIsUsername(v.password, v.username))
    ctx.addIssue({ code: "custom", message: "passwordIsUsername", path: ["password"] });
});
export type TCreateUser = z.infer<typeof ZCreateUser>;

export const ZUpdateUser = ZUserFields.extend({ id: zNumberId });
export type TUpdateUser = z.infer<typeof ZUpdateUser>;

export const ZResetPassword = z
  .object({ id: zNumberId, password: ZPassword, confirm: z.string() })
  .refine((v) => v.password === v.confirm, { message: "passwordMismatch", path: ["confirm"] });
export type TResetPassword = z.infer<typeof ZResetPassword>;

/** 修改密码 (one's own): the same schema in the form and in the action, built for the signed-in username. */
export function zChangePassword(username: string) {
  return z
    .object({
      current: z.string().min(1, "currentRequired").max(256, "currentPassword"),
      password: ZPassword,
      confirm: z.string(),
    })
    .superRefine((v, ctx) => {
      const issue = (path: string, message: string) =>
        ctx.addIssue({ code: "custom", message, path: [path] });
      if (passwordIsUsername(v.password, username)) issue("password", "passwordIsUsername");
      else if (v.current && v.password === v.current) issue("password", "passwordUnchanged");
      if (v.password !== v.confirm) issue("confirm", "passwordMismatch");
    });
}
export type TChangePassword = z.infer<ReturnType<typeof zChangePassword>>;

export const ZSetActive = z.object({ id: zNumberId, active: z.boolean() });
export type TSetActive = z.infer<typeof ZSetActive>;

export const ZOrgSearch = z.object({ q: zText().trim().max(40) });
