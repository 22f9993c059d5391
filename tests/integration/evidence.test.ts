import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findAttachmentForUser } from "@/features/evidence/server/find-attachment";
import { saveAttachment } from "@/features/evidence/server/save-attachment";
import { logProgress } from "@/features/tasks/server/log-progress";
import { seedAll } from "@/prisma/seed/seed-all";
import { codeOf, loadActors, type TTestActor } from "../helpers/actors";
import { createStaffedTask } from "../helpers/staffed-task";
import { createTestDb, type TTestDb } from "../helpers/test-db";

let t: TTestDb;
let A: Record<string, TTestActor>;
let taskId = 0;
const uploads = fs.mkdtempSync(path.join(os.tmpdir(), "utt-uploads-"));
const current = () => t.db.task.findUniqueOrThrow({ where: { id: taskId } });

beforeAll(async () => {
  process.env.UPLOAD_DIR = uploads;
  t = await createTestDb();
  await seedAll(t.db, { demoUsers: true });
  A = await loadActors(t.db);
  taskId = await createStaffedTask(t.db, A, { dueInDays: 180 });
});
afterAll(async () => {
  await t.close();
  delete process.env.UPLOAD_DIR;
  fs.rmSync(uploads, { recursive: true, force: true });
});

describe("evidence uploads", () => {
  it("stores a photo by its sha256 outside the web root, with a thumbnail, and links it to a progress update", async () => {
    const png = await sharp({ create: { width: 800, height: 600, channels: 3, background: "#c00" } })
      .png()
      .toBuffer();
    const view = await saveAttachment(A["zhengding.staff"]!, {
      taskId,
      purpose: "progress",
      file: { name: "现场.png", bytes: png },
    });
    const sha = crypto.createHash("sha256").update(png).digest("hex");
    const row = await t.db.attachment.findUniqueOrThrow({ where: { id: view.id } });
    expect(row).toMatchObject({
      sha256: sha,
      size: png.length,
      kind: "IMAGE",
      mime: "image/png",
      hasThumbnail: true,
      fileName: "现场.png",
    });
    expect(fs.readFileSync(path.join(uploads, sha.slice(0, 2), sha)).equals(png)).toBe(true);
    const thumb = await sharp(path.join(uploads, sha.slice(0, 2), `${sha}.thumb.webp`)).metadata();
    expect(Math.max(thumb.width ?? 0, thumb.height ?? 0)).toBe(320);

    const tk = await current();
    const { progressUpdateId } = await logProgress(A["zhengding.staff"]!, {
      taskId,
      version: tk.version,
      clientToken: crypto.randomUUID(),
      percent: 30,
      state: "NORMAL",
      narrative: "附现场照片",
      attachmentIds: [view.id],
    });
    expect((await t.db.attachment.findUniqueOrThrow({ where: { id: view.id } })).progressUpdateId).toBe(
      progressUpdateId,
    );
  });

  it("refuses disguised files, oversized files and someone else's attachments", async () => {
    const exe = Buffer.concat([Buffer.from("MZ"), Buffer.alloc(200)]);
    expect(
      await codeOf(
        saveAttachment(A["zhengding.staff"]!, {
          taskId,
          purpose: "progress",
          file: { name: "photo.jpg", bytes: exe },
        }),
      ),
    ).toBe("FILE_TYPE");
    const big = Buffer.concat([Buffer.from("%PDF-1.7\n"), Buffer.alloc(20 * 1024 * 1024)]);
    expect(
      await codeOf(
        saveAttachment(A["zhengding.staff"]!, {
          taskId,
          purpose: "progress",
          file: { name: "big.pdf", bytes: big },
        }),
      ),
    ).toBe("FILE_TOO_LARGE");
    const pdf = Buffer.from("%PDF-1.7\n1 0 obj\n");
    const chairs = await saveAttachment(A["zhengding.chair"]!, {
      taskId,
      purpose: "report",
      file: { name: "报告.pdf", bytes: pdf },
    });
    const tk = await current();
    expect(
      await codeOf(
        logProgress(A["zhengding.staff"]!, {
          taskId,
          version: tk.version,
          clientToken: crypto.randomUUID(),
          percent: 40,
          state: "NORMAL",
          narrative: "借用他人材料",
          attachmentIds: [chairs.id],
        }),
      ),
    ).toBe("VALIDATION");
    expect(await t.db.progressUpdate.count({ where: { taskId, narrative: "借用他人材料" } })).toBe(0);
  });

  it("nobody outside the task's subtree can upload or find its files", async () => {
    const pdf = Buffer.from("%PDF-1.7\n2 0 obj\n");
    for (const who of ["wuhan", "hubei", "hengda.staff"]) {
      expect(
        await codeOf(
          saveAttachment(A[who]!, { taskId, purpose: "progress", file: { name: "x.pdf", bytes: pdf } }),
        ),
      ).toBe("NOT_FOUND");
    }
    // In scope but not assigned: a manager of the province may read, not upload.
    expect(
      await codeOf(
        saveAttachment(A.hebei!, { taskId, purpose: "progress", file: { name: "x.pdf", bytes: pdf } }),
      ),
    ).toBe("FORBIDDEN");
    const any = await t.db.attachment.findFirstOrThrow({ where: { taskId } });
    expect(await findAttachmentForUser(A.wuhan!, any.id)).toBeNull();
    expect(await findAttachmentForUser(A["hengda.staff"]!, any.id)).toBeNull();
    expect(await findAttachmentForUser(A.hebei!, any.id)).not.toBeNull();
  });
});
