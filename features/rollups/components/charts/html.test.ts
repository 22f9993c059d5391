import { describe, expect, it } from "vitest";
import { escapeHtml, tooltipRow } from "./html";

describe("escapeHtml", () => {
  it("escapes markup so names cannot inject HTML into a tooltip", () => {
    expect(escapeHtml(`<img src=x onerror="a('b')">&`)).toBe(
      "&lt;img src=x onerror=&quot;a(&#39;b&#39;)&quot;&gt;&amp;",
    );
  });
  it("leaves ordinary text alone", () => expect(escapeHtml("河北省总工会 45.5%")).toBe("河北省总工会 45.5%"));
});

describe("tooltipRow", () => {
  it("escapes label and value but keeps the trusted marker", () => {
    const row = tooltipRow("<b>", "1 & 2", "<i></i>");
    expect(row).toContain("<span><i></i>&lt;b&gt;</span>");
    expect(row).toContain(">1 &amp; 2</b>");
  });
});
