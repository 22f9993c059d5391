import { describe, expect, it } from "vitest";
import { buildCsp, newNonce } from "./csp";

const directives = (csp: string) => new Map(csp.split("; ").map((d) => [d.split(" ")[0]!, d]));

describe("buildCsp", () => {
  it("allows scripts only with the request's nonce, and no plugins, base or framing", () => {
    const d = directives(buildCsp("abc123=="));
    expect(d.get("script-src")).toBe("script-src 'self' 'nonce-abc123==' 'strict-dynamic'");
    expect(d.get("object-src")).toBe("object-src 'none'");
    expect(d.get("base-uri")).toBe("base-uri 'self'");
    expect(d.get("frame-ancestors")).toBe("frame-ancestors 'none'");
    expect(d.get("form-action")).toBe("form-action 'self'");
    expect(d.get("default-src")).toBe("default-src 'self'");
    expect(d.has("upgrade-insecure-requests")).toBe(false);
  });
  it("adds eval only in development and upgrade-insecure-requests only over HTTPS", () => {
    expect(directives(buildCsp("n", { dev: true })).get("script-src")).toContain("'unsafe-eval'");
    expect(directives(buildCsp("n", { https: true })).has("upgrade-insecure-requests")).toBe(true);
  });
});

describe("newNonce", () => {
  it("is 128 random bits in base64, new every time", () => {
    const seen = new Set(Array.from({ length: 100 }, () => newNonce()));
    expect(seen.size).toBe(100);
    for (const n of seen) expect(n).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  });
});
