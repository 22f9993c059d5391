import { describe, expect, it } from "vitest";
import { MAX_ERROR, sanitizeError } from "./sanitize-error";

describe("sanitizeError", () => {
  it("keeps the name and the first line of the message", () => {
    const e = new TypeError("bad input\n    at foo (/srv/app/x.ts:1:1)");
    expect(sanitizeError(e)).toBe("TypeError: bad input");
  });

  it("hides URLs, which may carry credentials", () => {
    const e = new Error("connect failed for postgresql://app:s3cret@db.internal:5432/utt now");
    const text = sanitizeError(e);
    expect(text).toBe("Error: connect failed for [url] now");
    expect(text).not.toContain("s3cret");
  });

  it("caps the length and copes with non-errors", () => {
    const long = sanitizeError(new Error("x".repeat(1000)));
    expect(long).toHaveLength(MAX_ERROR);
    expect(long.endsWith("…")).toBe(true);
    expect(sanitizeError("plain text")).toBe("plain text");
    expect(sanitizeError({ secret: 1 })).toBe("unknown error");
    expect(sanitizeError(new Error(""))).toBe("Error:");
  });
});
