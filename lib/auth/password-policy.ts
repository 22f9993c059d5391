import { z } from "zod";

// Messages are codes; the UI turns them into catalogue text (validation.*).

/** Character classes of the policy: lower case, upper case, digits, anything else. */
export function passwordClasses(v: string): number {
  return [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z\d]/].filter((re) => re.test(v)).length;
}

/**
 * The password policy (等保 2.0 三级): 8–256 characters from at least 3 of 4 classes (lower case,
 * upper case, digits, others). Not containing the username needs the username (passwordIsUsername);
 * not one of the last N is checked on the server (features/auth/server/set-password.ts).
 */
export const ZPassword = z
  .string()
  .min(8, "password")
  .max(256, "passwordTooLong")
  .refine((v) => passwordClasses(v) >= 3, "password");

/** The username rule of the policy: the password must not contain it (case-insensitive). */
export function passwordIsUsername(password: string, username: string): boolean {
  const name = username.trim().toLowerCase();
  return name.length > 0 && password.toLowerCase().includes(name);
}
