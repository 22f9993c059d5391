import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createExport } from "@/features/exports/server/export-file";
import { ledgerTaskChunks } from "@/features/exports/server/ledger-rows";
import { addDays, formatDay } from "@/lib/dates";
import { AppError } from "@/lib/errors";
import type { TTestActor } from "../helpers/actors";
import type { TTestDb } from "../helpers/test-db";
import {
  csvOf,
  LEDGER_HEADER,
  org,
  parseCsv,
  read,
  setUpExportData,
  tearDownExportData,
  today,
  todayText,
  xlsxRows,
  xlsxSheets,
  DUE,
  type TExportData,
} from "./exports-fixture";

// 台账 exports and the export route handlers (scope, errors, headers); 完成情况 is in exports-completion.test.ts.

// The route handlers run with a stand-in session and cookie jar; everything else is real.
const session = vi.hoisted(() => ({ user: null as unknown, locale: undefined as string | undefined }));
vi.mock("@/lib/auth/session", () => ({
  authorize: async (permission: string) => {
    const u = session.user as TTestActor | null;
    if (!u) throw new AppError("UNAUTHENTICATED");
    if (!u.permissions.has(permission as never)) throw new AppError("FORBIDDEN");
    return u;
  },
}));
vi.mock("next/headers", () => ({
  cookies: async () => ({
    get: (name: string) => (name === "locale" && session.locale ? { value: session.locale } : undefined),
  }),
}));
const { GET } = await import("@/app/api/exports/[kind]/route");
const getLedger = (req: Request) => GET(req, { params: Promise.resolve({ kind: "ledger" }) });
const getCompletion = (req: Request) => GET(req, { params: Promise.resolve({ kind: "completion" }) });

let t: TTestDb;
let A: Record<string, TTestActor>;
let m: TExportData["m"] = [];
beforeAll(async () => {
  ({ t, A, m } = await setUpExportData());
});
afterAll(tearDownExportData);

describe("台账 (ledger) export", () => {
  it("CSV: BOM, header, exactly the tasks in scope with their status, dates, person, latest progress and evidence", async () => {
    const res = (await csvOf(A.hebei!, { kind: "ledger", org: "130000" }))!;
    expect(res.text.startsWith("\uFEFF")).toBe(true);
    expect(res.file.fileName).toBe(`台账-河北省总工会-${todayText}.csv`);
    expect(res.file.contentType).toBe("text/csv; charset=utf-8");
    const [header, ...rows] = res.rows;
    expect(header).toEqual(LEDGER_HEADER);
    const inScope = await t.db.task.findMany({
      where: { orgPath: { has: (await org("130000")).id } },
      select: { objective: { select: { code: true } }, org: { select: { name: true } } },
    });
    expect(rows.map((r) => `${r[0]}@${r[3]}`).sort()).toEqual(
      inScope.map((x) => `${x.objective.code}@${x.org.name}`).sort(),
    );
    expect(rows).toHaveLength(4);
    expect(rows.some((r) => r[3]!.includes("武昌"))).toBe(false);

    const byCode = new Map(rows.map((r) => [`${r[0]}@${r[3]}`, r]));
    const main = await t.db.objective.findFirstOrThrow({ where: { level: "MAIN_TASK", code: "3.3" } });
    expect(byCode.get(`${m[0]!.code}@正定县总工会`)).toEqual([
      m[0]!.code,
      m[0]!.title,
      `3.3 ${main.title}`,
      "正定县总工会",
      "河北省 / 石家庄市 / 正定县",
      "河北省总工会",
      "",
      "规定动作",
      "办理中",
      "常规",
      DUE,
      todayText,
      "",
      "",
      "否",
      "正定县总工会干部",
      "60",
      "滞后",
      `'=SUM(1,2) 完成"调研",\n下步推进`,
      todayText,
      "3",
    ]);
    const pending = byCode.get(`${m[1]!.code}@正定县总工会`)!;
    expect([
      pending[8],
      pending[10],
      pending[11],
      pending[14],
      pending[15],
      pending[18],
      pending[20],
    ]).toEqual(["待签收", formatDay(addDays(today, -1)), "", "是", "", "", "0"]);
    const done = byCode.get(`${m[2]!.code}@正定县总工会`)!;
    expect([done[8], done[12], done[13], done[14], done[16]]).toEqual([
      "已销号",
      todayText,
      todayText,
      "否",
      "100",
    ]);
    const grassroots = byCode.get(`${m[3]!.code}@正定县恒达机械有限公司工会`);
    expect(grassroots?.slice(4, 7)).toEqual(["河北省 / 石家庄市 / 正定县", "正定县总工会", ""]);
  });

  it("reads the subtree in keyset-paged chunks without gaps or repeats", async () => {
    const hebei = await org("130000");
    const chunks: number[][] = [];
    for await (const c of ledgerTaskChunks(t.db, { orgId: hebei.id, measureIds: null }, 3))
      chunks.push(c.map((x) => x.id));
    expect(chunks.map((c) => c.length)).toEqual([3, 1]);
    const ids = chunks.flat();
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    const expected = await t.db.task.findMany({
      where: { orgPath: { has: hebei.id } },
      orderBy: { id: "asc" },
      select: { id: true },
    });
    expect(ids).toEqual(expected.map((x) => x.id));
  });

  it("keeps only the measures under an objective code, and narrows to a sub-org", async () => {
    const res = (await csvOf(A.hebei!, { kind: "ledger", org: "130000", objective: m[0]!.code }))!;
    expect(res.rows.slice(1).map((r) => r[0])).toEqual([m[0]!.code]);
    expect(res.file.fileName).toBe(`台账-河北省总工会-${m[0]!.code}-${todayText}.csv`);
    const county = (await csvOf(A.zhengding!, { kind: "ledger", org: "1301230001" }))!;
    expect(county.rows.slice(1).map((r) => r[3])).toEqual(["正定县恒达机械有限公司工会"]);
  });

  it("XLSX parses back to the same rows as the CSV", async () => {
    const csv = (await csvOf(A.hebei!, { kind: "ledger", org: "130000" }))!;
    const file = (await createExport(A.hebei!, {
      kind: "ledger",
      orgId: (await org("130000")).id,
      format: "xlsx",
      locale: "zh-CN",
    }))!;
    expect(file.fileName).toBe(`台账-河北省总工会-${todayText}.xlsx`);
    const xlsx = await xlsxRows(await read(file.body));
    expect(xlsx.name).toBe("台账");
    expect(xlsx.rows).toEqual(csv.rows);
  });

  it("XLSX past the row limit continues on 台账 (2) …, header on each sheet, no row lost or repeated", async () => {
    const csv = (await csvOf(A.hebei!, { kind: "ledger", org: "130000" }))!;
    const [header, ...records] = csv.rows;
    expect(records.length).toBeGreaterThan(2);
    const file = (await createExport(A.hebei!, {
      kind: "ledger",
      orgId: (await org("130000")).id,
      format: "xlsx",
      locale: "zh-CN",
      rowsPerSheet: 3, // header + 2 tasks a sheet
    }))!;
    const sheets = await xlsxSheets(await read(file.body));
    const n = Math.ceil(records.length / 2);
    expect(sheets.map((s) => s.name)).toEqual(
      Array.from({ length: n }, (_, i) => (i === 0 ? "台账" : `台账 (${i + 1})`)),
    );
    for (const s of sheets) expect(s.rows[0]).toEqual(header);
    expect(sheets.map((s) => s.rows.length - 1)).toEqual(
      Array.from({ length: n }, (_, i) => Math.min(2, records.length - 2 * i)),
    );
    expect(sheets.flatMap((s) => s.rows.slice(1))).toEqual(records);
  });

  it("is English when the language cookie says so", async () => {
    const res = (await csvOf(A.hebei!, { kind: "ledger", org: "130000", locale: "en" }))!;
    expect(res.rows[0]!.slice(0, 3)).toEqual(["Measure code", "Measure", "Main task"]);
    expect(res.rows.find((r) => r[3] === "正定县总工会" && r[0] === m[1]!.code)?.[8]).toBe("To sign for");
    expect(res.file.fileName).toBe(`Ledger-河北省总工会-${todayText}.csv`);
  });
});

describe("scope and the route handlers", () => {
  it("another province's org is not found, in both exports", async () => {
    const hebei = await org("130000");
    for (const kind of ["ledger", "completion"] as const) {
      const q = { kind, orgId: hebei.id, locale: "zh-CN" } as const;
      expect(await createExport(A.wuhan!, { ...q, format: "csv" })).toBeNull();
      expect(await createExport(A.zhengding!, { ...q, format: "xlsx" })).toBeNull(); // above the user
      expect(await createExport(A.hebei!, { ...q, objective: "9.9", format: "csv" })).toBeNull();
    }
  });

  const call = async (
    handler: (req: Request) => Promise<Response>,
    { query, user, locale }: { query: string; user: TTestActor | null; locale?: string },
  ) => {
    session.user = user;
    session.locale = locale;
    return handler(new Request(`http://localhost/api/exports/x?${query}`));
  };

  it("answers 401, 403, 400 (with the parameter) and 404 with a code only", async () => {
    const hebei = (await org("130000")).id;
    const unauth = await call(getLedger, { query: `org=${hebei}&format=csv`, user: null });
    expect([unauth.status, await unauth.json()]).toEqual([401, { code: "UNAUTHENTICATED" }]);
    const staff = await call(getLedger, { query: `org=${hebei}&format=csv`, user: A["zhengding.staff"]! });
    expect([staff.status, await staff.json()]).toEqual([403, { code: "FORBIDDEN" }]);
    const bad = await call(getCompletion, { query: `org=${hebei}&format=pdf`, user: A.hebei! });
    expect([bad.status, await bad.json()]).toEqual([
      400,
      { code: "VALIDATION", fieldErrors: { format: "invalid" } },
    ]);
    const badOrg = await call(getLedger, { query: "org=abc", user: A.hebei! });
    expect([badOrg.status, await badOrg.json()]).toEqual([
      400,
      { code: "VALIDATION", fieldErrors: { org: "invalid" } },
    ]);
    for (const handler of [getLedger, getCompletion]) {
      const other = await call(handler, { query: `org=${hebei}&format=csv`, user: A.wuhan! });
      expect([other.status, await other.json()]).toEqual([404, { code: "NOT_FOUND" }]);
      const missing = await call(handler, { query: "org=99999999&format=xlsx", user: A.acftu! });
      expect([missing.status, await missing.json()]).toEqual([404, { code: "NOT_FOUND" }]);
    }
  });

  it("streams the file with download headers; the user's own org by default, xlsx by default", async () => {
    const res = await call(getLedger, { query: "format=csv", user: A.hebei! });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("cache-control")).toBe("no-store");
    // The current plan (here the only one, the 17th report, prefix 3) is named in the file.
    const name = `台账-河北省总工会-3-${todayText}.csv`;
    expect(res.headers.get("content-disposition")).toBe(
      `attachment; filename="ledger-130000-3-${todayText}.csv"; filename*=UTF-8''${encodeURIComponent(name)}`,
    );
    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(await res.arrayBuffer());
    expect(text.startsWith("\uFEFF举措编号,")).toBe(true);
    expect(parseCsv(text.slice(1))).toHaveLength(5);

    const xlsx = await call(getCompletion, {
      query: `org=${(await org("130123")).id}`,
      user: A.zhengding!,
      locale: "en",
    });
    expect(xlsx.headers.get("content-type")).toBe(
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    );
    expect(xlsx.headers.get("content-disposition")).toContain(
      `filename*=UTF-8''${encodeURIComponent(`Completion-正定县总工会-3-${todayText}.xlsx`)}`,
    );
    const parsed = await xlsxRows(Buffer.from(await xlsx.arrayBuffer()));
    expect(parsed.name).toBe("Completion");
    expect(parsed.rows[0]![0]).toBe("正定县总工会: task completion");
  });

  it("ids above 2^31-1 or not in canonical form are a 400, never a 500", async () => {
    for (const org of ["99999999999", "2147483648", "1e2", "0x10", "-1", "1.5"]) {
      const res = await call(getLedger, { query: `org=${org}&format=csv`, user: A.hebei! });
      expect([res.status, await res.json()], org).toEqual([
        400,
        { code: "VALIDATION", fieldErrors: { org: "invalid" } },
      ]);
    }
  });

  it("audits every export with its scope, and one refused for scope as DENIED", async () => {
    const before = await t.db.auditEvent.count({ where: { action: "export.download" } });
    const hebei = await org("130000");
    const res = await call(getLedger, { query: `org=${hebei.id}&objective=3.3&format=csv`, user: A.hebei! });
    expect(res.status).toBe(200);
    await res.arrayBuffer();
    const denied = await call(getCompletion, { query: `org=${hebei.id}`, user: A.wuhan! });
    expect(denied.status).toBe(404);
    const rows = await t.db.auditEvent.findMany({
      where: { action: "export.download" },
      orderBy: { id: "asc" },
      skip: before,
    });
    expect(
      rows.map((r) => ({
        actorId: r.actorId,
        outcome: r.outcome,
        target: [r.targetType, r.targetId],
        detail: r.detail,
      })),
    ).toEqual([
      {
        actorId: A.hebei!.id,
        outcome: "SUCCESS",
        target: ["org", String(hebei.id)],
        detail: { kind: "ledger", orgId: hebei.id, plan: "3", objective: "3.3", format: "csv" },
      },
      {
        actorId: A.wuhan!.id,
        outcome: "DENIED",
        target: ["org", String(hebei.id)],
        detail: { kind: "completion", orgId: hebei.id, plan: "3", objective: null, format: "xlsx" },
      },
    ]);
  });
});
