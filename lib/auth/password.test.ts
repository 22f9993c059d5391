import bcrypt from "bcryptjs";
import { describe, expect, it } from "vitest";
import { hashPassword, needsRehash, verifyPassword } from "./password";

describe("password hashing", () => {
  it("stores scrypt as scrypt$N$r$p$salt$hash with a fresh salt each time", async () => {
    const [a, b] = [await hashPassword("Good-2026"), await hashPassword("Good-2026")];
    expect(a).toMatch(/^scrypt\$16384\$8\$1\$[A-Za-z0-9+/]+=*\$[A-Za-z0-9+/]+=*$/);
    expect(a).not.toBe(b);
    expect(await verifyPassword("Good-2026", a)).toBe(true);
    expect(await verifyPassword("Good-2027", a)).toBe(false);
    expect(needsRehash(a)).toBe(false);
  });

  it("has no 72-byte cut: passwords that differ only after byte 72 differ", async () => {
    const head = "Aa1!".repeat(20); // 80 bytes
    const hash = await hashPassword(`${head}x`);
    expect(await verifyPassword(`${head}y`, hash)).toBe(false);
    expect(await verifyPassword(`${head}x`, hash)).toBe(true);
    // bcrypt (the old scheme) would have accepted it: the reason for the change.
    const old = await bcrypt.hash(`${head}x`, 4);
    expect(await bcrypt.compare(`${head}y`, old)).toBe(true);
  });

  it("still verifies legacy bcrypt hashes, and flags them for rehashing", async () => {
    const old = await bcrypt.hash("Demo@2026", 4);
    expect(await verifyPassword("Demo@2026", old)).toBe(true);
    expect(await verifyPassword("Demo@2027", old)).toBe(false);
    expect(needsRehash(old)).toBe(true);
  });

  it("rejects malformed or outrageous stored hashes instead of throwing or hanging", async () => {
    const good = await hashPassword("x");
    const [, , , , salt, key] = good.split("$");
    for (const bad of [
      "",
      "plain",
      "scrypt$1$8$1$AA$AA",
      `scrypt$4194304$8$1$${salt}$${key}`,
      `scrypt$16384$8$1$${salt}$AA`,
    ])
      expect(await verifyPassword("x", bad)).toBe(false);
  });
});
