import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { ZItemInput, ZSchemeRules } from "@/features/assessment/schemas";
import { addItem, withdrawItem } from "@/features/assessment/server/items";
import { UPLOAD_QUOTA } from "@/features/evidence/lib/file-kind";
import { removeUnlinkedUploads } from "@/features/evidence/server/remove-unlinked";
import { AppError } from "@/lib/errors";
import { seedAll } from "@/prisma/seed/seed-all";
import { codeOf, loadActors, type TTestActor } from "../helpers/actors";
import { createStaffedTask } from "../helpers/staffed-task";
import { createTestDb, type TTestDb } from "../helpers/test-db";

// Issue 15: evidence of manual 考评 items. 河北 runs a published scheme scoring its cities
// (石家庄, 唐山 …); 全总 is above 河北; 湖北 is another region. Through the route handlers.
const session = vi.hoisted(() => ({ user: null as unknown }));
vi.mock("@/lib/auth/session", () => ({
  getSession: async () => session.user,
  authorize: async (p: string) => {
    const u = session.user as TTestActor | null;
    if (!u) throw new AppError("UNAUTHENTICATED");
    if (!u.permissions.has(p as never)) throw new AppError("FORBIDDEN");
    return u;
  },
}));
const upload = await import("@/app/api/assessment/evidence/route");
const download = await import("@/app/api/assessment/evidence/[id]/route");

let t: TTestDb;
let A: Record<string, TTestActor>;
const uploads = fs.mkdtempSync(path.join(os.tmpdir(), "utt-assessment-evidence-"));
const ids = { hebei: 0, sjz: 0, ts: 0 };
let schemeId = 0;
let otherSeries = 0;
let draftId = 0;
let tsActor: TTestActor;
let hebei2: TTestActor;

function countingBody() {
  const seen = { bytes: 0 };
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(c) {
        seen.bytes += 65536;
        c.enqueue(new Uint8Array(65536));
      },
    },
    { highWaterMark: 0 },
  );
  return { seen, stream };
}
const MULTIPART = { "content-type": "multipart/form-data; boundary=----x" };
const post = (
  scheme: number | string,
  body: BodyInit | ReadableStream,
  headers: Record<string, string> = {},
) =>
  upload.POST(
    new Request(`http://app.test/api/assessment/evidence?scheme=${scheme}`, {
      method: "POST",
      body,
      headers,
      duplex: "half",
    } as RequestInit),
  );
const form = (name: string, bytes: Buffer) => {
  const f = new FormData();
  f.set("file", new File([new Uint8Array(bytes)], name));
  return f;
};
const get = (id: number | string) =>
  download.GET(new Request(`http://app.test/api/assessment/evidence/${id}`), {
    params: Promise.resolve({ id: String(id) }),
  });
const pdf = (s: string) => Buffer.from(`%PDF-1.7\n${s}\n`);
const up = async (who: TTestActor, [name, bytes]: [string, Buffer], scheme = schemeId) => {
  session.user = who;
  const res = await post(scheme, form(name, bytes));
  expect(res.status).toBe(201);
  return (await res.json()) as { id: number; fileName: string; kind: string; size: number };
};
const item = (evidenceIds: number[], seriesId = schemeId) =>
  ZItemInput.parse({ seriesId, orgId: ids.sjz, kind: "BONUS", points: 2, reason: "典型经验", evidenceIds });
const rules = ZSchemeRules.parse({
  base: 80,
  rules: [],
  bands: { EXCELLENT: 90, GOOD: 80, PASS: 60 },
  vetoGrade: "FAIL",
});

beforeAll(async () => {
  process.env.UPLOAD_DIR = uploads;
  t = await createTestDb();
  await seedAll(t.db, { demoUsers: true });
  A = await loadActors(t.db);
  const org = (code: string) => t.db.org.findUniqueOrThrow({ where: { code } });
  const hebei = await org("130000");
  const sjz = await org("130100");
  const ts = await org("130200");
  Object.assign(ids, { hebei: hebei.id, sjz: sjz.id, ts: ts.id });
  const mk = async (username: string, orgId: number, orgName: string) => {
    const u = await t.db.user.create({
      data: { username, name: username, role: "MANAGER", orgId, passwordHash: "x" },
    });
    return { ...A.hebei!, id: u.id, username, orgId, orgName };
  };
  tsActor = await mk("ts.mgr", ts.id, ts.name);
  hebei2 = await mk("hebei.two", hebei.id, hebei.name);
  const scheme = (title: string, status: "PUBLISHED" | "DRAFT") =>
    t.db.assessmentScheme.create({
      data: {
        orgId: hebei.id,
        year: new Date().getUTCFullYear(),
        title,
        scope: "DIRECT",
        rules,
        status,
        publishedAt: status === "PUBLISHED" ? new Date() : null,
        createdById: A.hebei!.id,
      },
      select: { id: true },
    });
  schemeId = (await scheme("年度考评", "PUBLISHED")).id;
  otherSeries = (await scheme("专项考评", "PUBLISHED")).id;
  draftId = (await scheme("草稿", "DRAFT")).id;
});
afterAll(async () => {
  await t.close();
  delete process.env.UPLOAD_DIR;
  fs.rmSync(uploads, { recursive: true, force: true });
});

describe("POST /api/assessment/evidence", () => {
  it("refuses before reading a byte: another org, a scored unit, a draft-only scheme, no id", async () => {
    for (const [who, scheme, status, code] of [
      [A.hubei, schemeId, 404, "NOT_FOUND"],
      [A.shijiazhuang, schemeId, 404, "NOT_FOUND"],
      [A.acftu, schemeId, 404, "NOT_FOUND"],
      [A.hebei, draftId, 409, "ASSESSMENT_NOT_PUBLISHED"],
      [A.hebei, "1e2", 404, "NOT_FOUND"],
      [A["zhengding.staff"], schemeId, 403, "FORBIDDEN"],
    ] as const) {
      session.user = who;
      const { seen, stream } = countingBody();
      const res = await post(scheme, stream, MULTIPART);
      const body = (await res.json()) as { code: string };
      expect([who!.username, scheme, body.code]).toEqual([who!.username, scheme, code]);
      if (code !== "ASSESSMENT_NOT_PUBLISHED") expect(res.status).toBe(status);
      expect(seen.bytes).toBe(0);
    }
  });

  it("refuses a declared Content-Length over the cap, and a file that is not an image, PDF or Office", async () => {
    session.user = A.hebei;
    const { seen, stream } = countingBody();
    const big = await post(schemeId, stream, { ...MULTIPART, "content-length": String(30 * 1024 * 1024) });
    expect([big.status, await big.json()]).toEqual([413, { code: "FILE_TOO_LARGE" }]);
    expect(seen.bytes).toBe(0);
    const html = await post(schemeId, form("证明.pdf", Buffer.from("<html><script>x</script></html>")));
    expect([html.status, await html.json()]).toEqual([415, { code: "FILE_TYPE" }]);
    const json = await post(schemeId, JSON.stringify({ file: "x" }), { "content-type": "application/json" });
    expect([json.status, await json.json()]).toEqual([400, { code: "VALIDATION" }]);
    expect(await t.db.assessmentEvidence.count()).toBe(0);
  });

  it("stores an image unlinked with a thumbnail, audited evidence.upload", async () => {
    const png = await sharp({ create: { width: 30, height: 20, channels: 3, background: "#a00" } })
      .png()
      .toBuffer();
    const view = await up(A.hebei!, ["现场照片.png", png]);
    expect(view).toMatchObject({ fileName: "现场照片.png", kind: "IMAGE", size: png.length });
    const row = await t.db.assessmentEvidence.findUniqueOrThrow({ where: { id: view.id } });
    expect(row).toMatchObject({
      seriesId: schemeId,
      itemId: null,
      uploaderId: A.hebei!.id,
      hasThumbnail: true,
    });
    const audit = await t.db.auditEvent.findFirstOrThrow({
      where: { action: "evidence.upload", targetType: "assessmentEvidence", targetId: String(view.id) },
    });
    expect(audit.detail).toMatchObject({ schemeId, seriesId: schemeId, kind: "IMAGE" });
  });
});

describe("linking by addItem and downloading", () => {
  let itemEvidence: { id: number }[] = [];

  it("links the org's own uploads; someone else's, another series' or a linked one is VALIDATION", async () => {
    const mine = await up(A.hebei!, ["通报.pdf", pdf("mine")]);
    const colleague = await up(hebei2, ["表彰.pdf", pdf("colleague")]);
    const otherSer = await up(A.hebei!, ["另一考评.pdf", pdf("other")], otherSeries);
    // An upload by another org's user for the same series (as if it got in): never linkable.
    const foreign = await t.db.assessmentEvidence.create({
      data: {
        ...(await t.db.assessmentEvidence.findUniqueOrThrow({ where: { id: mine.id } })),
        id: undefined,
        uploaderId: A.shijiazhuang!.id,
      },
    });
    session.user = null;
    expect(await codeOf(addItem(A.hebei!, item([mine.id, otherSer.id])))).toBe("VALIDATION");
    expect(await codeOf(addItem(A.hebei!, item([mine.id, foreign.id])))).toBe("VALIDATION");
    expect(await codeOf(addItem(A.hebei!, item([999999])))).toBe("VALIDATION");
    // Nothing of a refused item was kept.
    expect(await t.db.assessmentEvidence.count({ where: { itemId: { not: null } } })).toBe(0);
    expect(ZItemInput.safeParse({ ...item([]), evidenceIds: [1, 2, 3, 4, 5, 6] }).success).toBe(false);

    const { itemId } = await addItem(A.hebei!, item([mine.id, colleague.id]));
    const linked = await t.db.assessmentEvidence.findMany({ where: { itemId }, orderBy: { id: "asc" } });
    expect(linked.map((e) => e.id)).toEqual([mine.id, colleague.id]);
    // Linked once only.
    expect(await codeOf(addItem(A.hebei!, item([mine.id])))).toBe("VALIDATION");
    // Withdrawn items keep their evidence.
    await withdrawItem(A.hebei!, { itemId });
    expect(await t.db.assessmentEvidence.count({ where: { itemId } })).toBe(2);
    itemEvidence = linked;
  });

  it("serves linked evidence to the federation, the org above and the scored unit; 404 to others", async () => {
    const id = itemEvidence[0]!.id;
    for (const who of [A.hebei, A.acftu, A.shijiazhuang]) {
      session.user = who;
      const res = await get(id);
      expect([who!.username, res.status]).toEqual([who!.username, 200]);
      expect(res.headers.get("content-type")).toBe("application/pdf");
      expect(res.headers.get("x-content-type-options")).toBe("nosniff");
      expect(res.headers.get("content-security-policy")).toContain("sandbox");
      expect(res.headers.get("content-disposition")).toBe(
        `inline; filename="evidence-${id}.pdf"; filename*=UTF-8''${encodeURIComponent("通报.pdf")}`,
      );
      expect(Buffer.from(await res.arrayBuffer()).equals(pdf("mine"))).toBe(true);
    }
    expect(
      await t.db.auditEvent.count({
        where: {
          action: "evidence.download",
          targetType: "assessmentEvidence",
          targetId: String(id),
          outcome: "SUCCESS",
        },
      }),
    ).toBe(3);
    // 唐山 (a sibling unit), 湖北 and 武汉 (another region), a 干部 without assessment:manage.
    for (const who of [tsActor, A.hubei, A.wuhan]) {
      session.user = who;
      expect([who!.username, (await get(id)).status]).toEqual([who!.username, 404]);
    }
    session.user = A["zhengding.staff"];
    expect((await get(id)).status).toBe(403);
    expect(
      await t.db.auditEvent.count({
        where: { action: "evidence.download", targetId: String(id), outcome: "DENIED" },
      }),
    ).toBe(3);
    session.user = A.hebei;
    for (const bad of ["1e2", "99999999999", "0"]) expect((await get(bad)).status, bad).toBe(404);
  });

  it("serves unlinked evidence only to its uploader's org", async () => {
    const lone = await up(hebei2, ["待用.pdf", pdf("lone")]);
    for (const [who, status] of [
      [A.hebei, 200],
      [A.acftu, 404],
      [A.shijiazhuang, 404],
      [A.hubei, 404],
    ] as const) {
      session.user = who;
      const res = await get(lone.id);
      expect([who!.username, res.status]).toEqual([who!.username, status]);
      await res.arrayBuffer();
    }
  });
});

describe("the clean-up of unlinked 考评 evidence", () => {
  it("removes an old unlinked row, keeps its file while an Attachment uses the same bytes", async () => {
    const shared = pdf("shared with a task");
    const onlyHere = pdf("only here");
    const a = await up(A.hebei!, ["共享.pdf", shared]);
    const b = await up(A.hebei!, ["独有.pdf", onlyHere]);
    const fresh = await up(A.hebei!, ["新传.pdf", pdf("fresh")]);
    const rowA = await t.db.assessmentEvidence.findUniqueOrThrow({ where: { id: a.id } });
    const rowB = await t.db.assessmentEvidence.findUniqueOrThrow({ where: { id: b.id } });
    const taskId = await createStaffedTask(t.db, A, { dueInDays: 30 });
    // A task's (linked) evidence with the same bytes: the same stored file.
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
    await t.db.attachment.create({
      data: {
        taskId,
        uploaderId: A["zhengding.staff"]!.id,
        progressUpdateId: pu.id,
        fileName: "同一文件.pdf",
        mime: rowA.mime,
        kind: rowA.kind,
        size: rowA.size,
        sha256: rowA.sha256,
        storageKey: rowA.storageKey,
      },
    });
    const old = new Date(Date.now() - 25 * 3600 * 1000);
    await t.db.assessmentEvidence.updateMany({
      where: { itemId: null, id: { not: fresh.id } },
      data: { createdAt: old },
    });
    const linkedBefore = await t.db.assessmentEvidence.count({ where: { itemId: { not: null } } });
    const oldUnlinked = await t.db.assessmentEvidence.count({ where: { itemId: null, createdAt: old } });

    expect(await removeUnlinkedUploads(t.db)).toBe(oldUnlinked);
    const left = await t.db.assessmentEvidence.findMany({ select: { id: true, itemId: true } });
    expect(left.filter((r) => r.itemId === null).map((r) => r.id)).toEqual([fresh.id]);
    expect(left.filter((r) => r.itemId !== null).length).toBe(linkedBefore);
    expect(fs.existsSync(path.join(uploads, rowA.storageKey))).toBe(true);
    expect(fs.existsSync(path.join(uploads, rowB.storageKey))).toBe(false);
    // Linked evidence still downloads after the clean-up.
    session.user = A.shijiazhuang;
    const linked = left.find((r) => r.itemId !== null)!;
    expect((await get(linked.id)).status).toBe(200);
  });
});

describe("one upload quota for task and 考评 evidence", () => {
  it("refuses a 考评 upload with 429 before the body once task and 考评 uploads fill the hour", async () => {
    const who = hebei2;
    const { id: taskId } = await t.db.task.findFirstOrThrow({ select: { id: true } });
    const recent = new Date(Date.now() - 60_000);
    const used =
      (await t.db.attachment.count({
        where: { uploaderId: who.id, createdAt: { gt: new Date(Date.now() - 3600_000) } },
      })) +
      (await t.db.assessmentEvidence.count({
        where: { uploaderId: who.id, createdAt: { gt: new Date(Date.now() - 3600_000) } },
      }));
    const file = { mime: "application/pdf", kind: "PDF" as const, size: 10, sha256: "0".repeat(64) };
    const storageKey = `00/${"0".repeat(64)}`;
    const half = Math.floor((UPLOAD_QUOTA.files - used) / 2);
    await t.db.attachment.createMany({
      data: Array.from({ length: half }, (_, i) => ({
        ...file,
        taskId,
        uploaderId: who.id,
        fileName: `t${i}.pdf`,
        storageKey,
        createdAt: recent,
      })),
    });
    const rest = UPLOAD_QUOTA.files - used - half - 1;
    await t.db.assessmentEvidence.createMany({
      data: Array.from({ length: rest }, (_, i) => ({
        ...file,
        seriesId: schemeId,
        uploaderId: who.id,
        fileName: `a${i}.pdf`,
        storageKey,
        createdAt: recent,
      })),
    });
    // One file left in the hour: it is taken, then the next is refused unread.
    await up(who, ["最后一个.pdf", pdf("last one")]);
    session.user = who;
    const { seen, stream } = countingBody();
    const res = await post(schemeId, stream, MULTIPART);
    expect([res.status, await res.json()]).toEqual([429, { code: "UPLOAD_QUOTA" }]);
    expect(seen.bytes).toBe(0);
  });
});
