import { describe, expect, it } from "vitest";
import { safeAbsoluteRedirect, safeRedirectPath, sameOriginPath } from "./safe-path";

describe("sameOriginPath", () => {
  // Each of these sends a browser to another host (or is not a path at all).
  const offSite = [
    "/%5C127.0.0.1:3199/x", // the probe's payload: "/\127.0.0.1:3199/x"
    "/%09/127.0.0.1:3199/x", // the probe's payload: tab, then "//host"
    "/\\127.0.0.1:3199/x",
    "\\\\evil.example/x",
    "//evil.example/x",
    "///evil.example",
    "/\t/evil.example",
    "/\n/evil.example",
    "/%0a/evil.example",
    "/%0d%0a/evil.example",
    "/%2F/evil.example", // decodes to "//evil.example"
    "/%252F/evil.example", // double-encoded
    "/%255C/evil.example",
    "/%E3%80%80/evil.example", // ideographic space
    " /tasks",
    "/ /evil",
    "https://evil.example/",
    "http:/evil.example",
    "javascript:alert(1)",
    "data:text/html,x",
    "evil.example",
    "tasks",
    "",
    "/%", // broken percent-encoding
    "/%E0%A4%A", // broken UTF-8 sequence
    `/${"a".repeat(3000)}`,
    null,
    undefined,
    42,
  ];
  it.each(offSite.map((v) => [v]))("refuses %j", (raw) => {
    expect(sameOriginPath(raw)).toBeNull();
    expect(safeRedirectPath(raw)).toBe("/");
  });

  it("keeps same-origin paths with their query and fragment", () => {
    expect(sameOriginPath("/")).toBe("/");
    expect(sameOriginPath("/tasks/12")).toBe("/tasks/12");
    expect(sameOriginPath("/tasks?q=%E5%B7%A5%E4%BC%9A&batch=3#top")).toBe(
      "/tasks?q=%E5%B7%A5%E4%BC%9A&batch=3#top",
    );
    expect(sameOriginPath("/tasks?q=a%20b")).toBe("/tasks?q=a%20b");
  });

  it("returns the parser's normalised path, so dot segments cannot climb anywhere else", () => {
    expect(sameOriginPath("/a/../tasks")).toBe("/tasks");
    expect(sameOriginPath("/../../tasks")).toBe("/tasks");
  });

  it("falls back to the given default", () => {
    expect(safeRedirectPath("//evil.example", "/login")).toBe("/login");
  });
});

describe("safeAbsoluteRedirect (next-auth's redirect callback)", () => {
  const base = "http://127.0.0.1:3000";
  it("keeps this origin's URLs and relative paths", () => {
    expect(safeAbsoluteRedirect("/tasks", base)).toBe("http://127.0.0.1:3000/tasks");
    expect(safeAbsoluteRedirect("http://127.0.0.1:3000/login?x=1", base)).toBe(
      "http://127.0.0.1:3000/login?x=1",
    );
  });
  it("sends everything else to the base URL", () => {
    for (const url of [
      "http://evil.example/",
      "http://127.0.0.1:3199/x",
      "https://127.0.0.1:3000/x", // another scheme is another origin
      "/%5C127.0.0.1:3199/x",
      "/%09/127.0.0.1:3199/x",
      "//evil.example",
      "not a url",
    ])
      expect(safeAbsoluteRedirect(url, base), url).toBe(base);
  });
});
