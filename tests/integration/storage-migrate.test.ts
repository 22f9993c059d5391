import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { DeleteObjectCommand, GetObjectCommand, PutObjectCommand, S3Client } from "@aws-sdk/client-s3";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { runStorageMigrate } from "@/features/evidence/server/run-storage-migrate";
import { saveAttachment } from "@/features/evidence/server/save-attachment";
import { openFile, saveFile } from "@/features/evidence/server/storage";
import { S3Store } from "@/lib/storage/s3-store";
import { seedAll } from "@/prisma/seed/seed-all";
import { loadActors, type TTestActor } from "../helpers/actors";
import { startTestS3, type TTestS3 } from "../helpers/s3rver";
import { createStaffedTask } from "../helpers/staffed-task";
import { createTestDb, type TTestDb } from "../helpers/test-db";

// Issue 16: `npm run storage:migrate` moves an existing local evidence folder into the bucket,
// each file verified by sha256; reruns copy nothing; a corrupted object is reported (exit 1).
let t: TTestDb;
let A: Record<string, TTestActor>;
let s3: TTestS3;
let client: S3Client;
const localDir = fs.mkdtempSync(path.join(os.tmpdir(), "utt-storage-migrate-"));
let localFiles: Map<string, string>;

const sha = (b: Buffer) => crypto.createHash("sha256").update(b).digest("hex");
const png = (color: string) =>
  sharp({ create: { width: 200, height: 100, channels: 3, background: color } })
    .png()
    .toBuffer();

/** Every file under the local folder, key → sha256, read straight from disk. */
function walk(dir = localDir, rel = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const e of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
    const key = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory()) for (const [k, v] of walk(dir, key)) out.set(k, v);
    else out.set(key, sha(fs.readFileSync(path.join(dir, key))));
  }
  return out;
}
async function bucketSha(key: string): Promise<string | null> {
  try {
    const out = await client.send(new GetObjectCommand({ Bucket: s3.bucket, Key: key }));
    return sha(Buffer.from(await out.Body!.transformToByteArray()));
  } catch {
    return null;
  }
}
async function migrate(argv: string[] = []) {
  const lines: string[] = [];
  const push = (l: string) => lines.push(l);
  const code = await runStorageMigrate(argv, { db: t.db, out: { log: push, error: push } });
  return { code, text: lines.join("\n") };
}

beforeAll(async () => {
  process.env.UPLOAD_DIR = localDir;
  t = await createTestDb();
  await seedAll(t.db, { demoUsers: true });
  A = await loadActors(t.db);
  const taskId = await createStaffedTask(t.db, A, { dueInDays: 90 });
  // The local store as the app wrote it: two images (with thumbnails), a PDF, a file no row uses.
  const up = async (name: string, bytes: Buffer) =>
    saveAttachment(A["zhengding.staff"]!, { taskId, purpose: "progress", file: { name, bytes } });
  await up("a.png", await png("#123456"));
  await up("b.png", await png("#abcdef"));
  await up("c.pdf", Buffer.from("%PDF-1.7\n台账\n"));
  await saveFile(Buffer.from("%PDF-1.7\norphan\n"));
  localFiles = walk();
  s3 = await startTestS3({ prefix: "ev/" });
  client = new S3Client({
    endpoint: s3.endpoint,
    region: "us-east-1",
    forcePathStyle: true,
    credentials: { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" },
  });
});
afterAll(async () => {
  await t.close();
  delete process.env.UPLOAD_DIR;
  client.destroy();
  await s3.close();
  fs.rmSync(localDir, { recursive: true, force: true });
});

describe("storage:migrate", () => {
  it("exits 2 and touches nothing when S3 is not configured", async () => {
    const { code, text } = await migrate();
    expect(code).toBe(2);
    expect(text).toContain("S3 is not configured");
    expect((await migrate(["--force"])).code).toBe(2);
  });

  it("copies every local file to the bucket, each object's sha256 the file's and the recorded one", async () => {
    const unapply = s3.apply();
    try {
      expect(localFiles.size).toBe(6); // 4 files + 2 thumbnails
      const { code, text } = await migrate();
      expect(code).toBe(0);
      expect(text).toContain("6 file(s): 6 copied, 0 already in the bucket (verified), 0 failed");
      expect(text).toContain("local files were kept");
      for (const [key, hash] of localFiles) expect(await bucketSha(`ev/${key}`), key).toBe(hash);
      const rows = await t.db.attachment.findMany({ select: { storageKey: true, sha256: true } });
      expect(rows).toHaveLength(3);
      for (const r of rows) expect(await bucketSha(`ev/${r.storageKey}`)).toBe(r.sha256);
      expect(walk()).toEqual(localFiles);
    } finally {
      unapply();
    }
  });

  it("a rerun verifies and copies nothing", async () => {
    const unapply = s3.apply();
    const put = vi.spyOn(S3Store.prototype, "put");
    try {
      const { code, text } = await migrate();
      expect(code).toBe(0);
      expect(text).toContain("6 file(s): 0 copied, 6 already in the bucket (verified), 0 failed");
      expect(put).not.toHaveBeenCalled();
    } finally {
      put.mockRestore();
      unapply();
    }
  });

  it("reports a corrupted bucket object and a row whose recorded hash differs: exit 1, nothing overwritten", async () => {
    const unapply = s3.apply();
    const pdfKey = (await t.db.attachment.findFirstOrThrow({ where: { mime: "application/pdf" } }))
      .storageKey;
    const row = await t.db.attachment.findFirstOrThrow({ where: { mime: "image/png" } });
    // A local file whose bytes are not the ones its name (their sha256) promises.
    const badHash = sha(Buffer.from("what the name promises"));
    const badKey = `${badHash.slice(0, 2)}/${badHash}`;
    fs.mkdirSync(path.join(localDir, badHash.slice(0, 2)), { recursive: true });
    fs.writeFileSync(path.join(localDir, badKey), "something else");
    try {
      await client.send(new PutObjectCommand({ Bucket: s3.bucket, Key: `ev/${pdfKey}`, Body: "tampered" }));
      await t.db.attachment.update({ where: { id: row.id }, data: { sha256: "0".repeat(64) } });
      const { code, text } = await migrate();
      expect(code).toBe(1);
      expect(text).toContain("7 file(s): 0 copied, 4 already in the bucket (verified), 3 failed");
      expect(text).toContain(`FAILED ${badKey}: local file does not match its name`);
      expect(await bucketSha(`ev/${badKey}`)).toBeNull();
      expect(text).toContain(`FAILED ${pdfKey}: bucket object differs from the local file`);
      expect(text).toContain(
        `FAILED ${row.storageKey}: sha256 recorded at upload (${"0".repeat(64)}) differs`,
      );
      expect(await bucketSha(`ev/${pdfKey}`)).toBe(sha(Buffer.from("tampered")));
    } finally {
      fs.rmSync(path.join(localDir, badKey));
      await t.db.attachment.update({ where: { id: row.id }, data: { sha256: row.sha256 } });
      await client.send(new DeleteObjectCommand({ Bucket: s3.bucket, Key: `ev/${pdfKey}` }));
      unapply();
    }
  });

  it("--delete-local removes each local file once its copy verifies; the app then reads from the bucket", async () => {
    const unapply = s3.apply();
    try {
      const { code, text } = await migrate(["--delete-local"]);
      expect(code).toBe(0);
      expect(text).toContain(
        "6 file(s): 1 copied, 5 already in the bucket (verified), 0 failed, 6 local file(s) deleted",
      );
      expect(walk().size).toBe(0);
      for (const [key, hash] of localFiles) expect(await bucketSha(`ev/${key}`), key).toBe(hash);
      const row = await t.db.attachment.findFirstOrThrow({ where: { mime: "application/pdf" } });
      const file = await openFile(row.storageKey);
      const chunks: Buffer[] = [];
      for await (const c of file!.stream) chunks.push(c as Buffer);
      expect(sha(Buffer.concat(chunks))).toBe(row.sha256);
      // Nothing local left and every row's file in the bucket: no warning.
      expect(text).not.toContain("in neither store");
    } finally {
      unapply();
    }
  });

  it("warns about rows whose file is in neither store", async () => {
    const unapply = s3.apply();
    try {
      const row = await t.db.attachment.findFirstOrThrow({ where: { mime: "application/pdf" } });
      await client.send(new DeleteObjectCommand({ Bucket: s3.bucket, Key: `ev/${row.storageKey}` }));
      const { code, text } = await migrate();
      expect(code).toBe(0);
      expect(text).toContain(`1 stored file(s) that rows refer to are in neither store: ${row.storageKey}`);
    } finally {
      unapply();
    }
  });
});
