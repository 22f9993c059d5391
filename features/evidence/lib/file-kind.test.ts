import { fileTypeFromBuffer } from "file-type";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { classifyFile, cleanFileName } from "./file-kind";

const detect = async (bytes: Buffer, name: string) => classifyFile(await fileTypeFromBuffer(bytes), name);

describe("evidence types are decided by content", () => {
  it("accepts real images and PDFs whatever their names", async () => {
    const png = await sharp({ create: { width: 4, height: 4, channels: 3, background: "#c00" } })
      .png()
      .toBuffer();
    const jpg = await sharp({ create: { width: 4, height: 4, channels: 3, background: "#c00" } })
      .jpeg()
      .toBuffer();
    expect(await detect(png, "photo.png")).toEqual({ kind: "IMAGE", mime: "image/png" });
    expect(await detect(jpg, "IMG_0001")).toEqual({ kind: "IMAGE", mime: "image/jpeg" });
    expect(await detect(Buffer.from("%PDF-1.7\n%âãÏÓ\n1 0 obj\n"), "报告.pdf")).toEqual({
      kind: "PDF",
      mime: "application/pdf",
    });
  });

  it("refuses executables, HTML and text renamed to an allowed extension", async () => {
    const exe = Buffer.concat([Buffer.from("MZ"), Buffer.alloc(62), Buffer.from("PE\0\0")]);
    expect(await detect(exe, "photo.jpg")).toBeNull();
    expect(await detect(Buffer.from("<!DOCTYPE html><script>alert(1)</script>"), "report.pdf")).toBeNull();
    expect(await detect(Buffer.from("just text"), "notes.docx")).toBeNull();
  });

  it("maps Office types, and legacy compound files only with an Office name", () => {
    expect(
      classifyFile(
        { ext: "docx", mime: "application/vnd.openxmlformats-officedocument.wordprocessingml.document" },
        "a.docx",
      )?.kind,
    ).toBe("OFFICE");
    expect(classifyFile({ ext: "cfb", mime: "application/x-cfb" }, "台账.xls")).toEqual({
      kind: "OFFICE",
      mime: "application/vnd.ms-excel",
    });
    expect(classifyFile({ ext: "cfb", mime: "application/x-cfb" }, "setup.msi")).toBeNull();
    expect(classifyFile({ ext: "zip", mime: "application/zip" }, "a.docx")).toBeNull();
  });

  it("cleans names: no paths or control characters", () => {
    expect(cleanFileName("../../etc/passwd")).toBe("passwd");
    expect(cleanFileName("C:\\Users\\a\\现场照片.jpg")).toBe("现场照片.jpg");
    expect(cleanFileName("a\u0000b.png")).toBe("ab.png");
    expect(cleanFileName("   ")).toBe("file");
  });
});
