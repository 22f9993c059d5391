import { describe, expect, it } from "vitest";
import { asciiFileName, contentDisposition, exportFileName, formatChinaDateTime, rfc5987 } from "./file-name";

// 2026-11-24 17:30 UTC is already 2026-11-25 in China.
const lateEvening = new Date("2026-11-24T17:30:00Z");

describe("export file names", () => {
  it("joins label, org, objective and the China day", () => {
    expect(
      exportFileName({ label: "完成情况", orgName: "河北省总工会", now: lateEvening, format: "xlsx" }),
    ).toBe("完成情况-河北省总工会-2026-11-25.xlsx");
    expect(
      exportFileName({
        label: "台账",
        orgName: "河北省总工会",
        objectiveCode: "3.2",
        now: lateEvening,
        format: "csv",
      }),
    ).toBe("台账-河北省总工会-3.2-2026-11-25.csv");
  });

  it("replaces characters that are not allowed in file names", () => {
    expect(
      exportFileName({ label: "Ledger", orgName: 'a/b\\c:d*e?"f<g>h|i\nj', now: lateEvening, format: "csv" }),
    ).toBe("Ledger-a_b_c_d_e_f_g_h_i_j-2026-11-25.csv");
  });
});

describe("ASCII fallback name", () => {
  it("keeps kind, org code, objective code and the China day", () => {
    const base = { kind: "ledger", orgCode: "130000", now: lateEvening };
    expect(asciiFileName({ ...base, format: "xlsx" })).toBe("ledger-130000-2026-11-25.xlsx");
    expect(asciiFileName({ ...base, objectiveCode: "3.2.1", format: "csv" })).toBe(
      "ledger-130000-3.2.1-2026-11-25.csv",
    );
    expect(
      asciiFileName({ kind: "completion", orgCode: "1301230001", now: lateEvening, format: "csv" }),
    ).toBe("completion-1301230001-2026-11-25.csv");
  });

  it("drops what is not ASCII letters, digits or dots instead of leaving underscores", () => {
    const name = asciiFileName({ kind: "ledger", orgCode: "总工会 13/00", now: lateEvening, format: "xlsx" });
    expect(name).toBe("ledger-1300-2026-11-25.xlsx");
    expect(contentDisposition("台账.xlsx", name)).toContain('filename="ledger-1300-2026-11-25.xlsx"');
  });
});

describe("Content-Disposition", () => {
  it("encodes the UTF-8 name per RFC 5987, including the characters encodeURIComponent leaves", () => {
    expect(rfc5987("完成情况 (1)'*.csv")).toBe("%E5%AE%8C%E6%88%90%E6%83%85%E5%86%B5%20%281%29%27%2A.csv");
  });

  it("is an attachment with an ASCII fallback and the UTF-8 name", () => {
    expect(contentDisposition("台账-河北省总工会-2026-11-25.csv", "ledger-2026-11-25.csv")).toBe(
      "attachment; filename=\"ledger-2026-11-25.csv\"; filename*=UTF-8''%E5%8F%B0%E8%B4%A6-%E6%B2%B3%E5%8C%97%E7%9C%81%E6%80%BB%E5%B7%A5%E4%BC%9A-2026-11-25.csv",
    );
    expect(contentDisposition("x", 'a"b\\c台')).toBe("attachment; filename=\"a_b_c_\"; filename*=UTF-8''x");
  });
});

describe("formatChinaDateTime", () => {
  it("shows the time in Asia/Shanghai with a 24-hour clock", () => {
    expect(formatChinaDateTime(lateEvening)).toBe("2026-11-25 01:30");
    expect(formatChinaDateTime(new Date("2026-06-01T04:05:00Z"))).toBe("2026-06-01 12:05");
    expect(formatChinaDateTime(new Date("2026-06-01T16:00:00Z"))).toBe("2026-06-02 00:00");
  });
});
