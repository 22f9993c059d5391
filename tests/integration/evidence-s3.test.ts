import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { GetObjectCommand, HeadObjectCommand, ListObjectsV2Command, S3Client } from "@aws-sdk/client-s3";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { removeUnlinkedUploads } from "@/features/evidence/server/remove-unlinked";
import { saveAttachment } from "@/features/evidence/server/save-attachment";
import { getObjectStore } from "@/lib/storage/store";
import { seedAll } from "@/prisma/seed/seed-all";
import { codeOf, loadActors, type TTestActor } from "../helpers/actors";
import { startTestS3, type TTestS3 } from "../helpers/s3rver";
import { createStaffedTask } from "../helpers/staffed-task";
import { createTestDb, type TTestDb } from "../helpers/test-db";

// Issue 16: evidence in an S3-compatible bucket (s3rver in this process). Uploads go through the
// domain function, downloads through the route handler: streamed, or a 302 to a presigned URL.
const session = vi.hoisted(() => ({ user: null as unknown }));
vi.mock("@/lib/auth/session", () => ({ getSession: async () => session.user }));
const download = await import("@/app/api/attachments/[id]/route");

const PREFIX = "evidence/";
let t: TTestDb;
let A: Record<string, TTestActor>;
let taskId = 0;
let s3: TTestS3;
let client: S3Client;
let unapply: () => void;
const localDir = fs.mkdtempSync(path.join(os.tmpdir(), "utt-evidence-s3-local-"));

const sha = (b: Buffer) => crypto.createHash("sha256").update(b).digest("hex");
const keyOf = (b: Buffer) => `${PREFIX}${sha(b).slice(0, 2)}/${sha(b)}`;
const get = (id: number, query = "") =>
  download.GET(new Request(`http://app.test/api/attachments/${id}${query}`), {
    params: Promise.resolve({ id: String(id) }),
  });
async function bucketObject(key: string): Promise<Buffer | null> {
  try {
    const out = await client.send(new GetObjectCommand({ Bucket: s3.bucket, Key: key }));
    return Buffer.from(await out.Body!.transformToByteArray());
  } catch {
    return null;
  }
}
async function bucketKeys(): Promise<string[]> {
  const out = await client.send(new ListObjectsV2Command({ Bucket: s3.bucket }));
  return (out.Contents ?? []).map((o) => o.Key!).sort();
}
const png = (seed: string) =>
  sharp({
    create: { width: 400, height: 300, channels: 3, background: `#${sha(Buffer.from(seed)).slice(0, 6)}` },
  })
    .png()
    .toBuffer();
const upload = (bytes: Buffer, name = "现场照片.png") =>
  saveAttachment(A["zhengding.staff"]!, { taskId, purpose: "progress", file: { name, bytes } });

beforeAll(async () => {
  s3 = await startTestS3({ prefix: PREFIX });
  unapply = s3.apply("stream");
  process.env.UPLOAD_DIR = localDir;
  client = new S3Client({
    endpoint: s3.endpoint,
    region: "us-east-1",
    forcePathStyle: true,
    credentials: { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" },
  });
  t = await createTestDb();
  await seedAll(t.db, { demoUsers: true });
  A = await loadActors(t.db);
  taskId = await createStaffedTask(t.db, A, { dueInDays: 90 });
});
afterAll(async () => {
  await t.close();
  unapply();
  delete process.env.UPLOAD_DIR;
  client.destroy();
  await s3.close();
  fs.rmSync(localDir, { recursive: true, force: true });
});

describe("evidence in S3", () => {
  it("stores an upload and its thumbnail in the bucket under S3_PREFIX, nothing in the local folder", async () => {
    expect(getObjectStore().kind).toBe("s3");
    const bytes = await png("a");
    const view = await upload(bytes);
    expect(view.hasThumbnail).toBe(true);
    const stored = await bucketObject(keyOf(bytes));
    expect(stored && sha(stored)).toBe(sha(bytes));
    const thumb = await bucketObject(`${keyOf(bytes)}.thumb.webp`);
    expect(thumb).not.toBeNull();
    const meta = await sharp(thumb!).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(["webp", 320, 240]);
    expect(fs.readdirSync(localDir)).toEqual([]);
  });

  it("streams a download with the same bytes and headers, and the thumbnail", async () => {
    const bytes = await png("b");
    const view = await upload(bytes, "报告.png");
    session.user = A["zhengding.staff"];
    const res = await get(view.id);
    expect(res.status).toBe(200);
    expect(sha(Buffer.from(await res.arrayBuffer()))).toBe(sha(bytes));
    expect(res.headers.get("content-type")).toBe("image/png");
    expect(res.headers.get("content-length")).toBe(String(bytes.length));
    expect(res.headers.get("content-disposition")).toBe(
      `inline; filename="evidence-${view.id}.png"; filename*=UTF-8''%E6%8A%A5%E5%91%8A.png`,
    );
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    const thumb = await get(view.id, "?thumb=1");
    expect(thumb.status).toBe(200);
    expect(thumb.headers.get("content-type")).toBe("image/webp");
    const body = Buffer.from(await thumb.arrayBuffer());
    expect(body.equals((await bucketObject(`${keyOf(bytes)}.thumb.webp`))!)).toBe(true);
  });

  it("S3_DOWNLOAD=redirect: a 302 to a URL valid 60 s that serves the same bytes, type and name", async () => {
    process.env.S3_DOWNLOAD = "redirect";
    try {
      const bytes = await png("c");
      const view = await upload(bytes, "检查记录.png");
      session.user = A["zhengding.staff"];
      const before = await t.db.auditEvent.count({ where: { action: "evidence.download" } });
      const res = await get(view.id);
      expect(res.status).toBe(302);
      expect(res.headers.get("cache-control")).toBe("no-store");
      const location = new URL(res.headers.get("location")!);
      expect(location.origin).toBe(s3.endpoint);
      expect(location.pathname).toBe(`/${s3.bucket}/${keyOf(bytes)}`);
      expect(location.searchParams.get("X-Amz-Expires")).toBe("60");
      expect(await t.db.auditEvent.count({ where: { action: "evidence.download" } })).toBe(before + 1);

      const direct = await fetch(location);
      expect(direct.status).toBe(200);
      expect(sha(Buffer.from(await direct.arrayBuffer()))).toBe(sha(bytes));
      expect(direct.headers.get("content-type")).toBe("image/png");
      expect(direct.headers.get("content-disposition")).toBe(
        `inline; filename="evidence-${view.id}.png"; filename*=UTF-8''%E6%A3%80%E6%9F%A5%E8%AE%B0%E5%BD%95.png`,
      );

      // Thumbnails stay on the app's origin (img-src 'self').
      const thumb = await get(view.id, "?thumb=1");
      expect([thumb.status, thumb.headers.get("content-type")]).toEqual([200, "image/webp"]);

      // 61 s later the same URL is refused by the store.
      vi.useFakeTimers({ toFake: ["Date"], now: Date.now() + 61_000 });
      try {
        expect((await fetch(location)).status).toBe(403);
      } finally {
        vi.useRealTimers();
      }
    } finally {
      process.env.S3_DOWNLOAD = "stream";
    }
  });

  it("redirect mode still refuses a user outside the task's scope before any URL is made", async () => {
    process.env.S3_DOWNLOAD = "redirect";
    try {
      const view = await upload(await png("d"));
      session.user = A.hubei;
      const res = await get(view.id);
      expect(res.status).toBe(404);
      expect(res.headers.get("location")).toBeNull();
      expect(await res.json()).toEqual({ code: "NOT_FOUND" });
      session.user = null;
      expect((await get(view.id)).status).toBe(401);
    } finally {
      process.env.S3_DOWNLOAD = "stream";
    }
  });

  it("refuses a file by its content before anything reaches the bucket", async () => {
    const keys = await bucketKeys();
    const rows = await t.db.attachment.count();
    expect(await codeOf(upload(Buffer.from("<html><script>alert(1)</script></html>"), "x.png"))).toBe(
      "FILE_TYPE",
    );
    expect(await bucketKeys()).toEqual(keys);
    expect(await t.db.attachment.count()).toBe(rows);
  });

  it("fails the upload when the thumbnail cannot be stored: no row links a missing thumbnail", async () => {
    const store = getObjectStore();
    const put = store.put.bind(store);
    const spy = vi.spyOn(store, "put").mockImplementation(async (key, body, meta) => {
      if (key.endsWith(".thumb.webp")) throw new Error("store unavailable");
      return put(key, body, meta);
    });
    try {
      const bytes = await png("e");
      const rows = await t.db.attachment.count();
      await expect(upload(bytes)).rejects.toThrow("store unavailable");
      expect(await t.db.attachment.count()).toBe(rows);
      expect(await bucketObject(`${keyOf(bytes)}.thumb.webp`)).toBeNull();
    } finally {
      spy.mockRestore();
    }
  });

  it("the clean-up of unlinked uploads deletes their objects from the bucket", async () => {
    const bytes = await png("f");
    const view = await upload(bytes);
    await t.db.attachment.update({
      where: { id: view.id },
      data: { createdAt: new Date(Date.now() - 2 * 24 * 3600 * 1000) },
    });
    expect(await bucketObject(keyOf(bytes))).not.toBeNull();
    expect(await removeUnlinkedUploads(t.db)).toBeGreaterThanOrEqual(1);
    for (const key of [keyOf(bytes), `${keyOf(bytes)}.thumb.webp`])
      await expect(client.send(new HeadObjectCommand({ Bucket: s3.bucket, Key: key }))).rejects.toMatchObject(
        {
          $metadata: { httpStatusCode: 404 },
        },
      );
    session.user = A["zhengding.staff"];
    expect((await get(view.id)).status).toBe(404);
  });
});
