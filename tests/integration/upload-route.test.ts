import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { MAX_FILE_BYTES, MULTIPART_OVERHEAD, UPLOAD_QUOTA } from "@/features/evidence/lib/file-kind";
import { removeUnlinkedUploads } from "@/features/evidence/server/remove-unlinked";
import { seedAll } from "@/prisma/seed/seed-all";
import { loadActors, type TTestActor } from "../helpers/actors";
import { createStaffedTask } from "../helpers/staffed-task";
import { createTestDb, type TTestDb } from "../helpers/test-db";

// Finding 4 (uploads: rights and scope before the body, a hard byte cap, a quota, cleanup),
// finding 13 (names and Content-Disposition) and the evidence audit events, through the route handlers.
const session = vi.hoisted(() => ({ user: null as unknown }));
vi.mock("@/lib/auth/session", () => ({ getSession: async () => session.user }));
const upload = await import("@/app/api/tasks/[id]/attachments/route");
const download = await import("@/app/api/attachments/[id]/route");

let t: TTestDb;
let A: Record<string, TTestActor>;
let taskId = 0;
const uploads = fs.mkdtempSync(path.join(os.tmpdir(), "utt-upload-route-"));
const CHUNK = 64 * 1024;

/** An endless chunked body that counts what the server pulled from it. */
function countingBody() {
  const seen = { bytes: 0 };
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(c) {
        seen.bytes += CHUNK;
        c.enqueue(new Uint8Array(CHUNK));
      },
    },
    { highWaterMark: 0 },
  );
  return { seen, stream };
}

const post = (id: string | number, body: BodyInit | ReadableStream, headers: Record<string, string> = {}) =>
  upload.POST(
    new Request(`http://app.test/api/tasks/${id}/attachments`, {
      method: "POST",
      body,
      headers,
      duplex: "half",
    } as RequestInit),
    { params: Promise.resolve({ id: String(id) }) },
  );
const get = (id: string | number, query = "") =>
  download.GET(new Request(`http://app.test/api/attachments/${id}${query}`), {
    params: Promise.resolve({ id: String(id) }),
  });
const form = (name: string, bytes: Buffer, purpose = "progress") => {
  const f = new FormData();
  f.set("purpose", purpose);
  f.set("file", new File([new Uint8Array(bytes)], name));
  return f;
};
const MULTIPART = { "content-type": "multipart/form-data; boundary=----x" };

beforeAll(async () => {
  process.env.UPLOAD_DIR = uploads;
  t = await createTestDb();
  await seedAll(t.db, { demoUsers: true });
  A = await loadActors(t.db);
  taskId = await createStaffedTask(t.db, A, { dueInDays: 90 });
});
afterAll(async () => {
  await t.close();
  delete process.env.UPLOAD_DIR;
  fs.rmSync(uploads, { recursive: true, force: true });
});

describe("POST /api/tasks/:id/attachments", () => {
  it("answers 404 to a user outside the task's scope before reading any of the body", async () => {
    session.user = A.hubei;
    const { seen, stream } = countingBody();
    const res = await post(taskId, stream, MULTIPART);
    expect([res.status, await res.json()]).toEqual([404, { code: "NOT_FOUND" }]);
    expect(seen.bytes).toBe(0);
  });

  it("answers 401 signed out and 404 for ids that are not ids, without reading the body", async () => {
    session.user = null;
    const a = countingBody();
    expect((await post(taskId, a.stream, MULTIPART)).status).toBe(401);
    session.user = A["zhengding.staff"];
    for (const id of ["99999999999", "1e2", "0", "-1"]) {
      const b = countingBody();
      expect((await post(id, b.stream, MULTIPART)).status, id).toBe(404);
      expect(b.seen.bytes).toBe(0);
    }
    expect(a.seen.bytes).toBe(0);
  });

  it("stops reading an oversized chunked body (no Content-Length) just past the cap: 413", async () => {
    session.user = A["zhengding.staff"];
    const { seen, stream } = countingBody();
    const res = await post(taskId, stream, MULTIPART);
    expect([res.status, await res.json()]).toEqual([413, { code: "FILE_TOO_LARGE" }]);
    const cap = MAX_FILE_BYTES + MULTIPART_OVERHEAD;
    // It read past the cap by at most one chunk (plus the request's own read-ahead), not 200 MB.
    expect(seen.bytes).toBeGreaterThan(cap);
    expect(seen.bytes).toBeLessThanOrEqual(cap + 4 * CHUNK);
  });

  it("refuses a declared Content-Length above the cap before reading", async () => {
    session.user = A["zhengding.staff"];
    const { seen, stream } = countingBody();
    const res = await post(taskId, stream, {
      ...MULTIPART,
      "content-length": String(MAX_FILE_BYTES + MULTIPART_OVERHEAD + 1),
    });
    expect(res.status).toBe(413);
    expect(seen.bytes).toBe(0);
  });

  it("stores a double-extension name under the detected type, audits it, and serves it safely", async () => {
    session.user = A["zhengding.staff"];
    const png = await sharp({ create: { width: 40, height: 30, channels: 3, background: "#0a0" } })
      .png()
      .toBuffer();
    const res = await post(taskId, form("x.jpg\u202egnp.html", png));
    expect(res.status).toBe(201);
    const view = (await res.json()) as { id: number; fileName: string };
    expect(view.fileName).toBe("x_jpggnp_html.png");
    const row = await t.db.attachment.findUniqueOrThrow({ where: { id: view.id } });
    expect(row.fileName).toBe("x_jpggnp_html.png");
    const audit = await t.db.auditEvent.findFirstOrThrow({
      where: { action: "evidence.upload", targetId: String(view.id) },
    });
    expect(audit).toMatchObject({ actorId: A["zhengding.staff"]!.id, outcome: "SUCCESS" });
    expect(audit.detail).toMatchObject({ taskId, purpose: "progress", kind: "IMAGE", size: png.length });

    const got = await get(view.id);
    expect(got.status).toBe(200);
    expect(got.headers.get("content-type")).toBe("image/png");
    expect(got.headers.get("x-content-type-options")).toBe("nosniff");
    expect(got.headers.get("content-disposition")).toBe(
      `inline; filename="evidence-${view.id}.png"; filename*=UTF-8''x_jpggnp_html.png`,
    );
    expect(Buffer.from(await got.arrayBuffer()).equals(png)).toBe(true);
    expect(
      await t.db.auditEvent.count({ where: { action: "evidence.download", targetId: String(view.id) } }),
    ).toBe(1);
    // Thumbnails are page previews, not downloads of the evidence: not audited.
    expect((await get(view.id, "?thumb=1")).status).toBe(200);
    expect(
      await t.db.auditEvent.count({ where: { action: "evidence.download", targetId: String(view.id) } }),
    ).toBe(1);
  });

  it("serves an Office file as an attachment, and an old unsafe name made safe", async () => {
    session.user = A["zhengding.staff"];
    const cfb = Buffer.concat([Buffer.from("d0cf11e0a1b11ae1", "hex"), Buffer.alloc(2048, 1)]);
    const res = await post(taskId, form("台账.xls", cfb));
    expect(res.status).toBe(201);
    const { id } = (await res.json()) as { id: number };
    // A row stored before names were checked: the name is made safe when shown and downloaded.
    await t.db.attachment.update({ where: { id }, data: { fileName: "台账\u202eslx.exe.xls.html" } });
    const got = await get(id);
    expect(got.headers.get("content-type")).toBe("application/vnd.ms-excel");
    expect(got.headers.get("content-disposition")).toBe(
      `attachment; filename="evidence-${id}.xls"; filename*=UTF-8''${encodeURIComponent("台账slx_exe_xls_html.xls")}`,
    );
    await got.arrayBuffer();
  });

  it("answers 404 for download ids that are not ids and for another region's user", async () => {
    session.user = A["zhengding.staff"];
    for (const id of ["99999999999", "1e2", "01"]) expect((await get(id)).status, id).toBe(404);
    const any = await t.db.attachment.findFirstOrThrow();
    session.user = A.hubei;
    expect((await get(any.id)).status).toBe(404);
  });

  it("refuses an upload past the hourly quota with 429 before reading the body", async () => {
    const chair = A["zhengding.chair"]!;
    session.user = chair;
    const used = await t.db.attachment.count({ where: { uploaderId: chair.id } });
    const now = Date.now();
    await t.db.attachment.createMany({
      data: Array.from({ length: UPLOAD_QUOTA.files - used }, (_, i) => ({
        taskId,
        uploaderId: chair.id,
        fileName: `q${i}.pdf`,
        mime: "application/pdf",
        kind: "PDF" as const,
        size: 10,
        sha256: "0".repeat(64),
        storageKey: `00/${"0".repeat(64)}`,
        createdAt: new Date(now - 60_000),
      })),
    });
    const { seen, stream } = countingBody();
    const res = await post(taskId, stream, MULTIPART);
    expect([res.status, await res.json()]).toEqual([429, { code: "UPLOAD_QUOTA" }]);
    expect(seen.bytes).toBe(0);
    // An hour later the same uploads no longer count.
    await t.db.attachment.updateMany({
      where: { uploaderId: chair.id },
      data: { createdAt: new Date(now - UPLOAD_QUOTA.windowMs - 1000) },
    });
    const pdf = Buffer.from("%PDF-1.7\n1 0 obj\n");
    expect((await post(taskId, form("报告.pdf", pdf, "report"))).status).toBe(201);
  });
});

describe("removeUnlinkedUploads", () => {
  it("removes uploads never linked after a day, and their files unless another row shares them", async () => {
    session.user = A["zhengding.staff"];
    const bytes = (s: string) => Buffer.from(`%PDF-1.7\n${s}\n`);
    const up = async (name: string, b: Buffer) =>
      ((await (await post(taskId, form(name, b))).json()) as { id: number }).id;
    const lone = await up("lone.pdf", bytes("lone"));
    const shared1 = await up("shared-a.pdf", bytes("shared"));
    const shared2 = await up("shared-b.pdf", bytes("shared"));
    const fresh = await up("fresh.pdf", bytes("fresh"));
    const linked = await up("linked.pdf", bytes("linked"));
    const pu = await t.db.progressUpdate.create({
      data: {
        taskId,
        authorId: A["zhengding.staff"]!.id,
        percent: 10,
        state: "NORMAL",
        narrative: "x",
        clientToken: crypto.randomUUID(),
      },
    });
    await t.db.attachment.update({ where: { id: linked }, data: { progressUpdateId: pu.id } });
    const old = new Date(Date.now() - 25 * 3600 * 1000);
    await t.db.attachment.updateMany({
      where: { id: { in: [lone, shared1, linked] } },
      data: { createdAt: old },
    });
    const fileOf = async (id: number) =>
      path.join(uploads, (await t.db.attachment.findUniqueOrThrow({ where: { id } })).storageKey);
    const loneFile = await fileOf(lone);
    const sharedFile = await fileOf(shared1);
    const otherOld = await t.db.attachment.count({
      where: {
        progressUpdateId: null,
        reportId: null,
        createdAt: { lt: new Date(Date.now() - 24 * 3600 * 1000) },
      },
    });

    expect(await removeUnlinkedUploads(t.db)).toBe(otherOld);
    const left = new Set((await t.db.attachment.findMany({ select: { id: true } })).map((r) => r.id));
    expect([lone, shared1, shared2, fresh, linked].map((id) => left.has(id))).toEqual([
      false,
      false,
      true,
      true,
      true,
    ]);
    expect(fs.existsSync(loneFile)).toBe(false);
    expect(fs.existsSync(sharedFile)).toBe(true);
    expect(await removeUnlinkedUploads(t.db)).toBe(0);
  });
});
