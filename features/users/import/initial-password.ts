import crypto from "node:crypto";
import { passwordClasses, passwordIsUsername } from "@/lib/auth/password-policy";

// Initial passwords of imported accounts: 16 characters from a 50-letter alphabet without look-alikes
// (0/O/o, 1/l/I, 2/Z, 5/S, 8/B), about 90 bits of entropy, drawn with crypto.randomInt. Each meets
// the password policy (3 of 4 classes, not containing the username); the user must change it at
// first sign-in.

const LOWER = "abcdefghijkmnpqrstuvwxyz";
const UPPER = "ACDEFGHJKLMNPQRTUVWXY";
const DIGITS = "34679";
const ALPHABET = LOWER + UPPER + DIGITS;
export const INITIAL_PASSWORD_LENGTH = 16;

function draw(): string {
  let s = "";
  for (let i = 0; i < INITIAL_PASSWORD_LENGTH; i++) s += ALPHABET[crypto.randomInt(ALPHABET.length)];
  return s;
}

/** A fresh random password for `username` that meets the policy. */
export function initialPassword(username: string): string {
  for (;;) {
    const p = draw();
    // Lower, upper and digits all present (the policy asks for 3 of 4 classes).
    if (passwordClasses(p) >= 3 && !passwordIsUsername(p, username)) return p;
  }
}
