import { describe, expect, it } from "vitest";
import { isCleanText } from "@/lib/input";
import { evidenceFileName, extensionFor } from "./file-name";

const JPEG = "image/jpeg";
const PDF = "application/pdf";

describe("evidence file names (finding 13)", () => {
  it("keeps an ordinary name as it is", () => {
    expect(evidenceFileName("现场照片.jpg", JPEG)).toBe("现场照片.jpg");
    expect(evidenceFileName("IMG_0001.JPEG", JPEG)).toBe("IMG_0001.jpeg");
    expect(evidenceFileName("台账.et", "application/vnd.ms-excel")).toBe("台账.et");
  });

  it("neutralises double extensions: the last extension is always the detected type's", () => {
    expect(evidenceFileName("x.jpg.html", JPEG)).toBe("x_jpg_html.jpg");
    expect(evidenceFileName("report.pdf.exe", PDF)).toBe("report_pdf_exe.pdf");
    expect(evidenceFileName("photo.html", JPEG)).toBe("photo_html.jpg");
    expect(evidenceFileName("a.b.pdf", PDF)).toBe("a_b.pdf");
    expect(evidenceFileName("noext", PDF)).toBe("noext.pdf");
  });

  it("drops right-to-left overrides, isolates, zero-width and control characters", () => {
    // "photo<RLO>gpj.exe" is displayed as "photoexe.jpg".
    expect(evidenceFileName("photo\u202egpj.exe", JPEG)).toBe("photogpj_exe.jpg");
    expect(evidenceFileName("a\u2066b\u2069c\u200b\u200e\u200fd\u00ad.pdf", PDF)).toBe("abcd.pdf");
    expect(evidenceFileName("a\u0000b\u001b\u007f\u0085.pdf", PDF)).toBe("ab.pdf");
    expect(evidenceFileName("lone\ud800.pdf", PDF)).toBe("lone.pdf");
    expect(evidenceFileName("line\u2028break.pdf", PDF)).toBe("linebreak.pdf");
  });

  it("removes paths and characters file systems reject, and never leaves an empty name", () => {
    expect(evidenceFileName("../../etc/passwd", PDF)).toBe("passwd.pdf");
    expect(evidenceFileName("C:\\Users\\a\\现场.png", "image/png")).toBe("现场.png");
    expect(evidenceFileName('a:b*c?"<>|.pdf', PDF)).toBe("a_b_c.pdf");
    expect(evidenceFileName("\u202e", PDF)).toBe("file.pdf");
    expect(evidenceFileName(".pdf", PDF)).toBe("pdf.pdf");
  });

  it("cuts long names by code points, keeping emoji whole", () => {
    const name = evidenceFileName(`${"😀".repeat(150)}.pdf`, PDF);
    expect(Array.from(name.slice(0, -4))).toHaveLength(100);
    expect(isCleanText(name)).toBe(true);
  });

  it("maps types to their extension", () => {
    expect(extensionFor(JPEG)).toBe("jpg");
    expect(extensionFor("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")).toBe("xlsx");
    expect(extensionFor("text/html")).toBe("bin");
  });
});
