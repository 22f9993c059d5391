import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { settleImportJobs } from "@/features/imports/server/runner";
import { AppError } from "@/lib/errors";
import { seedAll } from "@/prisma/seed/seed-all";
import { loadActors, type TTestActor } from "../helpers/actors";
import { commitNow } from "../helpers/import-run";
import { ORG_HEADERS, xlsxOf } from "../helpers/import-files";
import { createTestDb, type TTestDb } from "../helpers/test-db";

// The import's route handlers: the upload's byte cap (declared and streamed) and content sniffing,
// the template and the export (both re-import cleanly: the export as all UNCHANGED), the error report.
const session = vi.hoisted(() => ({ user: null as null | { permissions: ReadonlySet<string> } }));
vi.mock("@/lib/auth/session", () => {
  const who = async () => {
    if (!session.user) throw new AppError("UNAUTHENTICATED");
    return session.user;
  };
  return {
    authenticate: who,
    authorize: async (p: string) => {
      const u = await who();
      if (!u.permissions.has(p)) throw new AppError("FORBIDDEN");
      return u;
    },
  };
});
vi.mock("next/headers", () => ({
  cookies: async () => ({ get: () => undefined }),
  headers: async () => new Headers(),
}));
const uploadRoute = await import("@/app/api/imports/route");
const templateRoute = await import("@/app/api/imports/templates/[kind]/route");
const exportRoute = await import("@/app/api/imports/exports/[kind]/route");
const errorsRoute = await import("@/app/api/imports/[id]/errors/route");

let t: TTestDb;
let A: Record<string, TTestActor>;
beforeAll(async () => {
  t = await createTestDb();
  await seedAll(t.db, { demoUsers: true });
  A = await loadActors(t.db);
  session.user = A.zhengding!;
});
afterAll(() => t.close());

const post = (body: BodyInit | ReadableStream, headers: Record<string, string> = {}, kind = "ORGS") =>
  uploadRoute.POST(
    new Request(`http://app.test/api/imports?kind=${kind}`, {
      method: "POST",
      body,
      headers,
      duplex: "half",
    } as RequestInit),
  );
const form = (bytes: Buffer, name = "unions.xlsx") => {
  const f = new FormData();
  f.set("file", new File([new Uint8Array(bytes)], name));
  return f;
};

/** Uploads through the route and waits for the preview. */
async function uploadJob(bytes: Buffer, kind = "ORGS") {
  const res = await post(form(bytes), {}, kind);
  expect(res.status).toBe(201);
  const { id } = (await res.json()) as { id: number };
  await settleImportJobs();
  return t.db.importJob.findUniqueOrThrow({ where: { id } });
}

const bytesOf = async (res: Response) => Buffer.from(await res.arrayBuffer());

async function sheetRows(bytes: Buffer): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const out: string[][] = [];
  wb.worksheets[0]!.eachRow((row) =>
    out.push(Array.from((row.values as unknown[]).slice(1), (v) => String(v ?? ""))),
  );
  return out;
}

describe("import routes", () => {
  it("refuses an upload by its declared size before reading it, and while streaming without one", async () => {
    const declared = await post("x", {
      "content-length": String(40 * 1024 * 1024),
      "content-type": "multipart/form-data; boundary=x",
    });
    expect(declared.status).toBe(413);
    let pulled = 0;
    const endless = new ReadableStream<Uint8Array>(
      { pull: (c) => void ((pulled += 65_536), c.enqueue(new Uint8Array(65_536))) },
      { highWaterMark: 0 },
    );
    const streamed = await post(endless, { "content-type": "multipart/form-data; boundary=x" });
    expect(streamed.status).toBe(413);
    expect(pulled).toBeLessThan(31 * 1024 * 1024);
    expect(await t.db.importJob.count()).toBe(0);
  });

  it("sniffs the content: a picture named .xlsx is 415, without a job", async () => {
    const png = Buffer.from("89504e470d0a1a0a0000000d49484452", "hex");
    expect((await post(form(png, "unions.xlsx"))).status).toBe(415);
    expect(await t.db.importJob.count()).toBe(0);
  });

  it("refuses a user without org:manage (FORBIDDEN) and a stranger (UNAUTHENTICATED)", async () => {
    session.user = A["zhengding.staff"]!;
    expect((await post(form(await xlsxOf([ORG_HEADERS])))).status).toBe(403);
    session.user = null;
    expect((await post(form(await xlsxOf([ORG_HEADERS])))).status).toBe(401);
    session.user = A.zhengding!;
  });

  it("serves a template whose example row imports as one new union, with a 说明 sheet", async () => {
    const res = await templateRoute.GET(new Request("http://app.test/api/imports/templates/ORGS"), {
      params: Promise.resolve({ kind: "ORGS" }),
    });
    const bytes = await bytesOf(res);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["基层工会", "说明"]);
    expect((await sheetRows(bytes))[0]).toEqual(ORG_HEADERS);
    const job = await uploadJob(bytes);
    expect([job.status, job.newCount, job.errorCount]).toEqual(["PREVIEW", 1, 0]);
  });

  it("exports the grassroots unions of the subtree so that they re-import as all unchanged", async () => {
    const res = await exportRoute.GET(new Request("http://app.test/api/imports/exports/ORGS"), {
      params: Promise.resolve({ kind: "ORGS" }),
    });
    const bytes = await bytesOf(res);
    // 正定县 holds the 4 demo unions of the seed.
    expect((await sheetRows(bytes)).map((r) => r[1])).toEqual([
      "工会代码",
      "1301230001",
      "1301230002",
      "1301230003",
      "1301230004",
    ]);
    const job = await uploadJob(bytes);
    expect([job.newCount, job.changedCount, job.unchangedCount, job.errorCount]).toEqual([0, 0, 4, 0]);
    const other = await exportRoute.GET(
      new Request(`http://app.test/api/imports/exports/ORGS?org=${A.wuhan!.orgId}`),
      { params: Promise.resolve({ kind: "ORGS" }) },
    );
    expect(other.status).toBe(404);
  });

  it("serves the error report: the error rows with their row number and messages in Chinese", async () => {
    const job = await uploadJob(
      await xlsxOf([
        ORG_HEADERS,
        ["好工会", "1301230401", "130123", "企业", 1, "", ""],
        ["坏工会", "1301230402", "130102", "企业", 1, "", ""],
      ]),
    );
    const get = (q: string) =>
      errorsRoute.GET(new Request(`http://app.test/api/imports/${job.id}/errors${q}`), {
        params: Promise.resolve({ id: String(job.id) }),
      });
    const rows = await sheetRows(await bytesOf(await get("")));
    expect(rows).toEqual([
      [...ORG_HEADERS, "原行号", "错误"],
      ["坏工会", "1301230402", "130102", "企业", "1", "", "", "3", "上级工会：上级工会不在本单位管辖范围内"],
    ]);
    expect((await sheetRows(await bytesOf(await get("?rows=all")))).length).toBe(3);
    session.user = A.wuchang!;
    expect((await get("")).status).toBe(404);
    session.user = A.zhengding!;
  });

  // Last: it adds a union to 正定县, which the export test above counts.
  it("serves a people template in the people columns whose example row imports once its union exists", async () => {
    const res = await templateRoute.GET(new Request("http://app.test/api/imports/templates/USERS"), {
      params: Promise.resolve({ kind: "USERS" }),
    });
    const bytes = await bytesOf(res);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["人员", "说明"]);
    const [headers, example, ...more] = await sheetRows(bytes);
    expect(headers).toEqual(["姓名", "用户名", "手机号", "所属工会", "角色"]);
    expect(more).toEqual([]);
    // The example names 正定县's "某某公司工会", a placeholder: with that union in place, it is one new person.
    expect(example![3]).toBe("河北省总工会/石家庄市总工会/正定县总工会/某某公司工会");
    expect((await uploadJob(bytes, "USERS")).errorCount).toBe(1);
    const union = await uploadJob(
      await xlsxOf([ORG_HEADERS, ["某某公司工会", "1301230901", "130123", "企业", 8, "", ""]]),
    );
    expect((await commitNow(t.db, A.zhengding!, union.id)).status).toBe("DONE");
    const job = await uploadJob(bytes, "USERS");
    expect([job.status, job.newCount, job.changedCount, job.unchangedCount, job.errorCount]).toEqual([
      "PREVIEW",
      1,
      0,
      0,
      0,
    ]);
  });
});
