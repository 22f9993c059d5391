import { describe, expect, it } from "vitest";
import { servedOverHttps } from "./https";

const h = (proto?: string) => new Headers(proto ? { "x-forwarded-proto": proto } : {});

describe("servedOverHttps", () => {
  it("follows NEXTAUTH_URL when it is set, whatever the headers say", () => {
    expect(servedOverHttps(h(), { NEXTAUTH_URL: "https://tracker.example" })).toBe(true);
    expect(servedOverHttps(h("https"), { NEXTAUTH_URL: "http://127.0.0.1:3000" })).toBe(false);
  });
  it("ignores X-Forwarded-Proto unless a proxy is trusted", () => {
    expect(servedOverHttps(h("https"), {})).toBe(false);
    expect(servedOverHttps(h("https"), { TRUSTED_PROXY_HOPS: "0" })).toBe(false);
  });
  it("reads the trusted proxy's entry, not one the client put in front of it", () => {
    expect(servedOverHttps(h("https"), { TRUSTED_PROXY_HOPS: "1" })).toBe(true);
    expect(servedOverHttps(h("http"), { TRUSTED_PROXY_HOPS: "1" })).toBe(false);
    expect(servedOverHttps(h("https, http"), { TRUSTED_PROXY_HOPS: "1" })).toBe(false);
    expect(servedOverHttps(h("https, http"), { TRUSTED_PROXY_HOPS: "2" })).toBe(true);
    expect(servedOverHttps(h(), { TRUSTED_PROXY_HOPS: "1" })).toBe(false);
  });
});
