import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TImportActor, TPlannedRow } from "@/features/imports/lib/spec";
import {
  passwordSheetState,
  sweepPasswordSheets,
  takePasswordSheet,
} from "@/features/users/import/password-sheet";
import { PERSON_COLUMNS, ZPersonRow, type TPersonRow } from "@/features/users/import/row-schema";
import { peopleImportSpec as spec } from "@/features/users/import/spec";
import { verifyCredentials } from "@/features/auth/server/verify-credentials";
import { changeOwnPassword } from "@/features/users/server/change-own-password";
import { exportPeople } from "@/features/users/server/export-people";
import { verifyPassword } from "@/lib/auth/password";
import { seedAll } from "@/prisma/seed/seed-all";
import { codeOf } from "../helpers/actors";
import { createTestDb, type TTestDb } from "../helpers/test-db";

// People import (kind USERS) against a seeded world: 正定县 (130123) with its four grassroots unions
// 1301230001–0004, its manager `zhengding`, and the demo accounts of 河北 and 湖北. Every expected
// figure below is counted by hand from the rows written here.

let t: TTestDb;
const actors: Record<string, TImportActor> = {};
const orgId = new Map<string, number>();
beforeAll(async () => {
  t = await createTestDb();
  await seedAll(t.db, { demoUsers: true });
  for (const u of await t.db.user.findMany({ select: { id: true, username: true, role: true, orgId: true } }))
    actors[u.username] = u;
  for (const o of await t.db.org.findMany({
    where: { OR: [{ code: { startsWith: "13" } }, { code: { startsWith: "420106" } }] },
    select: { id: true, code: true },
  }))
    orgId.set(o.code, o.id);
});
afterAll(() => t.close());

type TCells = { name: string; username: string; phone?: string; org: string; role: string };
const rowsOf = (cells: TCells[]) =>
  cells.map((c, i) => ({ rowNo: i + 2, data: ZPersonRow.parse({ phone: "", ...c }) }));
const tally = (planned: TPlannedRow<TPersonRow>[]) =>
  planned.reduce<Record<string, number>>((n, r) => ({ ...n, [r.action]: (n[r.action] ?? 0) + 1 }), {});
const errorsAt = (planned: TPlannedRow<TPersonRow>[], rowNo: number) => {
  const r = planned.find((p) => p.rowNo === rowNo);
  return r?.action === "ERROR" ? r.errors.map((e) => `${e.column}:${e.code}`) : r?.action;
};
const commit = (actor: TImportActor, planned: TPlannedRow<TPersonRow>[], jobId: number) =>
  t.db.$transaction((tx) => spec.commit(tx, actor, planned, jobId), { timeout: 60_000 });
const usersAt = async (code: string) =>
  (await t.db.orgCount.findUniqueOrThrow({ where: { orgId: orgId.get(code)! } })).users;

const PATH_0004 = "河北省总工会/石家庄市总工会/正定县总工会/正定县润丰食品有限公司工会";
const FILE: TCells[] = [
  { name: "张一", username: "ZD.New1", phone: "13800000001", org: "1301230001", role: "基层工会主席" }, // 2 NEW
  { name: "李二", username: "zd.new2", org: PATH_0004, role: "工会干部" }, // 3 NEW (by name path)
  { name: "恒达机械工会主席", username: "hengda.chair", org: "1301230001", role: "基层工会主席" }, // 4 UNCHANGED
  { name: "恒达干部（改）", username: "hengda.staff", org: "1301230001", role: "干部" }, // 5 CHANGED (name)
  { name: "王五", username: "zd.out", org: "420106", role: "工会干部" }, // 6 org of 湖北
  { name: "赵六", username: "zd.unknown", org: "不存在的工会", role: "工会干部" }, // 7 unknown org
  { name: "武昌主席", username: "wuchang.chair", org: "1301230001", role: "主席" }, // 8 account of 湖北
  { name: "孙七", username: "zd.peer", org: "130123", role: "上级工会督办员" }, // 9 peer manager
  { name: "周八", username: "zd.mgr", org: "正定县城区街道总工会", role: "督办员" }, // 10 NEW manager below
  { name: "正定县总工会主席", username: "zhengding.chair", org: "130123", role: "CHAIR" }, // 11 UNCHANGED
  { name: "正定县总工会督办员", username: "zhengding", org: "130123", role: "工会干部" }, // 12 own role
];

describe("people import: classify", () => {
  it("sorts a file into new, changed, unchanged and error rows", async () => {
    const planned = await spec.classify(t.db, actors.zhengding!, rowsOf(FILE));
    expect(tally(planned)).toEqual({ NEW: 3, CHANGED: 1, UNCHANGED: 2, ERROR: 5 });
    expect(planned.map((p) => p.action)).toEqual([
      "NEW",
      "NEW",
      "UNCHANGED",
      "CHANGED",
      "ERROR",
      "ERROR",
      "ERROR",
      "ERROR",
      "NEW",
      "UNCHANGED",
      "ERROR",
    ]);
    expect(errorsAt(planned, 6)).toEqual(["org:unionOutOfScope"]);
    expect(errorsAt(planned, 7)).toEqual(["org:unionUnknown"]);
    expect(errorsAt(planned, 8)).toEqual(["username:usernameUnavailable"]);
    expect(errorsAt(planned, 9)).toEqual(["role:roleNotAllowed"]);
    expect(errorsAt(planned, 12)).toEqual(["role:ownAccount"]);
    const changed = planned.find((p) => p.rowNo === 5);
    expect(changed?.action === "CHANGED" && changed.changes).toEqual({
      name: ["恒达机械工会干部", "恒达干部（改）"],
    });
    // Nothing is written by classify (the probe's audit event aside).
    expect(await t.db.user.count({ where: { username: { startsWith: "zd." } } })).toBe(0);
  });

  it("refuses the three administrators and unknown roles in the row schema", () => {
    const role = (r: string) =>
      ZPersonRow.safeParse({ name: "某", username: "abc", phone: "", org: "130123", role: r }).error
        ?.issues[0]?.message;
    expect(role("系统管理员")).toBe("roleNotImportable");
    expect(role("安全管理员")).toBe("roleNotImportable");
    expect(role("AUDITOR")).toBe("roleNotImportable");
    expect(role("管理员")).toBe("roleNotImportable");
    expect(role("组长")).toBe("role");
    expect(role(" 基层工会主席 ")).toBeUndefined();
  });

  it("matches usernames in lower case, as sign-in does", () => {
    const [a, b] = rowsOf([
      { name: "甲", username: "ZD.Case", org: "130123", role: "干部" },
      { name: "甲", username: " zd.case ", org: "130123", role: "干部" },
    ]);
    expect(spec.matchKey(a!.data)).toBe("zd.case");
    expect(spec.matchKey(b!.data)).toBe(spec.matchKey(a!.data));
  });

  it("a chair may give only 干部 in its own union", async () => {
    const planned = await spec.classify(
      t.db,
      actors["hengda.chair"]!,
      rowsOf([
        { name: "甲", username: "hd.a", org: "1301230001", role: "工会干部" },
        { name: "乙", username: "hd.b", org: "1301230001", role: "基层工会主席" },
        { name: "丙", username: "hd.c", org: "1301230002", role: "工会干部" },
      ]),
    );
    expect(planned.map((p) => p.action)).toEqual(["NEW", "ERROR", "ERROR"]);
    expect(errorsAt(planned, 3)).toEqual(["role:roleNotAllowed"]);
    expect(errorsAt(planned, 4)).toEqual(["org:unionOutOfScope"]);
  });
});

describe("people import: commit, history and counts", () => {
  let passwords: Map<string, string>;

  it("creates and changes exactly the planned accounts, with history and exact org counts", async () => {
    const before = {
      o1: await usersAt("1301230001"),
      o2: await usersAt("1301230002"),
      o4: await usersAt("1301230004"),
      county: await usersAt("130123"),
      province: await usersAt("130000"),
    };
    const planned = await spec.classify(t.db, actors.zhengding!, rowsOf(FILE));
    await commit(actors.zhengding!, planned, 101);

    const created = await t.db.user.findMany({
      where: { username: { in: ["zd.new1", "zd.new2", "zd.mgr"] } },
      select: {
        username: true,
        role: true,
        phone: true,
        mustChangePassword: true,
        createdById: true,
        org: { select: { code: true } },
      },
      orderBy: { username: "asc" },
    });
    expect(created).toEqual([
      {
        username: "zd.mgr",
        role: "MANAGER",
        phone: null,
        mustChangePassword: true,
        createdById: actors.zhengding!.id,
        org: { code: "1301230002" },
      },
      {
        username: "zd.new1",
        role: "CHAIR",
        phone: "13800000001",
        mustChangePassword: true,
        createdById: actors.zhengding!.id,
        org: { code: "1301230001" },
      },
      {
        username: "zd.new2",
        role: "STAFF",
        phone: null,
        mustChangePassword: true,
        createdById: actors.zhengding!.id,
        org: { code: "1301230004" },
      },
    ]);
    expect(
      await t.db.user.findUniqueOrThrow({ where: { username: "hengda.staff" }, select: { name: true } }),
    ).toEqual({
      name: "恒达干部（改）",
    });
    for (const u of ["zd.out", "zd.unknown", "zd.peer"])
      expect(await t.db.user.count({ where: { username: u } })).toBe(0);
    expect(
      await t.db.user.findUniqueOrThrow({ where: { username: "zhengding" }, select: { role: true } }),
    ).toEqual({
      role: "MANAGER",
    });

    // +1 in 0001 (zd.new1), +1 in 0002 (zd.mgr), +1 in 0004 (zd.new2): 3 in the county and above.
    expect(await usersAt("1301230001")).toBe(before.o1 + 1);
    expect(await usersAt("1301230002")).toBe(before.o2 + 1);
    expect(await usersAt("1301230004")).toBe(before.o4 + 1);
    expect(await usersAt("130123")).toBe(before.county + 3);
    expect(await usersAt("130000")).toBe(before.province + 3);

    const log = await t.db.changeLog.findMany({
      where: { importJobId: 101 },
      select: { entity: true, action: true, entityId: true, changes: true, actorId: true },
      orderBy: { id: "asc" },
    });
    expect(log.map((l) => `${l.entity}:${l.action}`)).toEqual([
      "USER:create",
      "USER:create",
      "USER:create",
      "USER:update",
    ]);
    expect(log.every((l) => l.actorId === actors.zhengding!.id)).toBe(true);
    expect(log[3]).toMatchObject({
      entityId: actors["hengda.staff"]!.id,
      changes: { name: ["恒达机械工会干部", "恒达干部（改）"] },
    });
    expect(log[0]!.changes).toEqual({
      name: [null, "张一"],
      phone: [null, "13800000001"],
      org: [null, "1301230001"],
      role: [null, "CHAIR"],
    });

    const audit = await t.db.auditEvent.findMany({
      where: { action: "user.import" },
      select: { targetId: true, detail: true },
    });
    expect(audit).toEqual([{ targetId: "101", detail: { created: 3, changed: 1 } }]);

    // The 初始密码单: only its owner can take it, once.
    expect(await codeOf(takePasswordSheet(actors["hebei"]!, 101))).toBe("NOT_FOUND");
    expect(
      await t.db.auditEvent.count({ where: { action: "user.initialPasswords", outcome: "DENIED" } }),
    ).toBe(1);
    expect(await passwordSheetState(actors.zhengding!, 101)).toMatchObject({
      state: "available",
      accounts: 3,
    });
    expect(await passwordSheetState(actors.hebei!, 101)).toBeNull();
    const sheet = await takePasswordSheet(actors.zhengding!, 101);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(sheet.body as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.getRow(1).values).toEqual([undefined, "姓名", "用户名", "所属工会", "初始密码"]);
    passwords = new Map();
    for (let r = 2; r <= 4; r++) {
      const [, name, username, org, password] = ws.getRow(r).values as string[];
      expect(name && org).toBeTruthy();
      passwords.set(username!, password!);
    }
    expect([...passwords.keys()].sort()).toEqual(["zd.mgr", "zd.new1", "zd.new2"]);
    expect(await codeOf(takePasswordSheet(actors.zhengding!, 101))).toBe("NOT_FOUND");
    expect(await passwordSheetState(actors.zhengding!, 101)).toMatchObject({ state: "downloaded" });
    expect(
      await t.db.auditEvent.count({ where: { action: "user.initialPasswords", outcome: "SUCCESS" } }),
    ).toBe(1);
  });

  it("the sheet's passwords verify against the stored hashes, and no table holds them in plain text", async () => {
    for (const [username, password] of passwords) {
      const { passwordHash } = await t.db.user.findUniqueOrThrow({
        where: { username },
        select: { passwordHash: true },
      });
      expect(await verifyPassword(password, passwordHash)).toBe(true);
      expect(password).toMatch(/^[A-Za-z0-9]{16}$/);
      // A random secret: the low-cost scrypt (lib/auth/password.ts#hashRandomSecret).
      expect(passwordHash).toMatch(/^scrypt\$1024\$/);
    }
    const tables = await t.db.$queryRaw<{ name: string }[]>`
      SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`;
    expect(tables.length).toBeGreaterThan(20);
    for (const { name } of tables)
      for (const password of passwords.values()) {
        const [hit] = await t.db.$queryRawUnsafe<{ n: bigint }[]>(
          `SELECT count(*) AS n FROM "${name}" x WHERE x::text LIKE '%' || $1 || '%'`,
          password,
        );
        expect(Number(hit!.n), `${name} holds a password`).toBe(0);
      }
    expect(
      await t.db.importPasswordSheet.findUniqueOrThrow({
        where: { importJobId: 101 },
        select: { ciphertext: true },
      }),
    ).toEqual({
      ciphertext: null,
    });
  });

  it("a new account signs in with its initial password and must then choose its own", async () => {
    const password = passwords.get("zd.new1")!;
    expect(await verifyCredentials({ username: "ZD.New1", password })).toMatchObject({ username: "zd.new1" });
    const user = await t.db.user.findUniqueOrThrow({
      where: { username: "zd.new1" },
      select: { id: true, mustChangePassword: true },
    });
    expect(user.mustChangePassword).toBe(true);
    await changeOwnPassword(user, { current: password, password: "Mine#2026ok", confirm: "Mine#2026ok" });
    expect(
      await t.db.user.findUniqueOrThrow({ where: { id: user.id }, select: { mustChangePassword: true } }),
    ).toEqual({ mustChangePassword: false });
    expect(await verifyCredentials({ username: "zd.new1", password })).toBeNull();
  });

  it("re-importing the same file changes nothing", async () => {
    const planned = await spec.classify(
      t.db,
      actors.zhengding!,
      rowsOf(FILE.slice(0, 4).concat(FILE.slice(8, 11))),
    );
    expect(tally(planned)).toEqual({ UNCHANGED: 6, ERROR: 1 });
    const logs = await t.db.changeLog.count();
    await commit(actors.zhengding!, planned, 102);
    expect(await t.db.changeLog.count()).toBe(logs);
    expect(await t.db.importPasswordSheet.count({ where: { importJobId: 102 } })).toBe(0);
  });

  it("a move and a new role update only those fields, move the counts and end the sessions", async () => {
    const before = {
      o1: await usersAt("1301230001"),
      o3: await usersAt("1301230003"),
      county: await usersAt("130123"),
    };
    const planned = await spec.classify(
      t.db,
      actors.zhengding!,
      rowsOf([{ name: "恒达干部（改）", username: "hengda.staff", org: "1301230003", role: "基层工会主席" }]),
    );
    expect(planned[0]).toMatchObject({
      action: "CHANGED",
      changes: { org: ["1301230001", "1301230003"], role: ["STAFF", "CHAIR"] },
    });
    await commit(actors.zhengding!, planned, 103);
    expect(await usersAt("1301230001")).toBe(before.o1 - 1);
    expect(await usersAt("1301230003")).toBe(before.o3 + 1);
    expect(await usersAt("130123")).toBe(before.county);
    const role = await t.db.auditEvent.findFirst({
      where: { action: "user.role", targetId: String(actors["hengda.staff"]!.id) },
    });
    expect(role?.detail).toMatchObject({ from: "STAFF", to: "CHAIR", importJobId: 103 });
    expect(await t.db.changeLog.findMany({ where: { importJobId: 103 }, select: { changes: true } })).toEqual(
      [{ changes: { org: ["1301230001", "1301230003"], role: ["STAFF", "CHAIR"] } }],
    );
  });

  it("the commit refuses a plan the database no longer matches, and writes nothing", async () => {
    const planned = await spec.classify(
      t.db,
      actors.zhengding!,
      rowsOf([
        { name: "甲", username: "zd.race1", org: "1301230001", role: "干部" },
        { name: "乙", username: "zd.race2", org: "1301230001", role: "干部" },
      ]),
    );
    expect(tally(planned)).toEqual({ NEW: 2 });
    // Meanwhile someone in 湖北 takes one of the names.
    await t.db.user.create({
      data: {
        username: "zd.race2",
        name: "别人",
        role: "STAFF",
        orgId: actors.wuchang!.orgId,
        passwordHash: "x",
      },
    });
    expect(await codeOf(commit(actors.zhengding!, planned, 104))).toBe("CONFLICT");
    expect(await t.db.user.count({ where: { username: "zd.race1" } })).toBe(0);
    expect(await t.db.changeLog.count({ where: { importJobId: 104 } })).toBe(0);
    expect(await t.db.importPasswordSheet.count({ where: { importJobId: 104 } })).toBe(0);
  });

  it("a job the pipeline commits in chunks gets one sheet with every new account", async () => {
    const planned = await spec.classify(
      t.db,
      actors.zhengding!,
      rowsOf(
        ["zd.ch1", "zd.ch2", "zd.ch3"].map((username) => ({
          name: "分批",
          username,
          org: "1301230002",
          role: "干部",
        })),
      ),
    );
    await t.db.$transaction(async (tx) => {
      await spec.commit(tx, actors.zhengding!, planned.slice(0, 2), 106);
      await spec.commit(tx, actors.zhengding!, planned.slice(2), 106);
    });
    expect(await passwordSheetState(actors.zhengding!, 106)).toMatchObject({
      state: "available",
      accounts: 3,
    });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await takePasswordSheet(actors.zhengding!, 106)).body as unknown as ArrayBuffer);
    const lines = [2, 3, 4].map((r) => (wb.worksheets[0]!.getRow(r).values as string[]).slice(1));
    expect(lines.map((l) => l[1])).toEqual(["zd.ch1", "zd.ch2", "zd.ch3"]);
    for (const [, username, , password] of lines) {
      const { passwordHash } = await t.db.user.findUniqueOrThrow({
        where: { username },
        select: { passwordHash: true },
      });
      expect(await verifyPassword(password!, passwordHash)).toBe(true);
    }
  });

  it("an unread sheet is wiped once it expires", async () => {
    const planned = await spec.classify(
      t.db,
      actors.zhengding!,
      rowsOf([{ name: "丙", username: "zd.late", org: "1301230003", role: "干部" }]),
    );
    await commit(actors.zhengding!, planned, 105);
    expect(await sweepPasswordSheets(t.db, new Date(Date.now() + 23 * 3_600_000))).toBe(0);
    expect(await sweepPasswordSheets(t.db, new Date(Date.now() + 25 * 3_600_000))).toBe(1);
    expect(await passwordSheetState(actors.zhengding!, 105)).toMatchObject({ state: "expired" });
    expect(await codeOf(takePasswordSheet(actors.zhengding!, 105))).toBe("NOT_FOUND");
  });
});

/** The export's rows as template cells (header row 1 gives the column keys). */
async function readExport(actor: TImportActor, orgCode: string) {
  const file = await exportPeople(actor, orgId.get(orgCode)!);
  if (!file) return null;
  const chunks: Buffer[] = [];
  for await (const c of file.body) chunks.push(c as Buffer);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.concat(chunks) as unknown as ArrayBuffer);
  const ws = wb.worksheets[0]!;
  const header = (ws.getRow(1).values as string[]).slice(1);
  const keys = header.map((h) => PERSON_COLUMNS.find((c) => c.header === h)!.key);
  const cells: TCells[] = [];
  ws.eachRow((row, n) => {
    if (n === 1) return;
    const v = (row.values as (string | undefined)[]).slice(1);
    cells.push(Object.fromEntries(keys.map((k, i) => [k, String(v[i] ?? "")])) as TCells);
  });
  return { header, cells };
}

describe("people export", () => {
  it("lists the subtree's people in the template format, and imports back unchanged", async () => {
    const out = (await readExport(actors.zhengding!, "130123"))!;
    expect(out.header).toEqual(["姓名", "用户名", "手机号", "所属工会", "角色"]);
    // 正定县: zhengding itself, zhengding.chair, zhengding.staff, hengda.chair, hengda.staff, and the
    // imported zd.new1, zd.new2, zd.mgr, zd.ch1–3, zd.late (zd.race1 was never written).
    expect(out.cells.map((c) => c.username).sort()).toEqual(
      [
        "hengda.chair",
        "hengda.staff",
        "zd.ch1",
        "zd.ch2",
        "zd.ch3",
        "zd.late",
        "zd.mgr",
        "zd.new1",
        "zd.new2",
        "zhengding",
        "zhengding.chair",
        "zhengding.staff",
      ].sort(),
    );
    expect(out.cells.find((c) => c.username === "zd.new1")).toEqual({
      name: "张一",
      username: "zd.new1",
      phone: "13800000001",
      org: "1301230001",
      role: "基层工会主席",
    });
    const planned = await spec.classify(t.db, actors.zhengding!, rowsOf(out.cells));
    expect(tally(planned)).toEqual({ UNCHANGED: 12 });
  });

  it("shows a chair only its own union's staff and itself, and nothing outside the subtree", async () => {
    const out = (await readExport(actors["wuchang.chair"]!, "4201060001"))!;
    expect(out.cells.map((c) => c.username).sort()).toEqual(["wuchang.chair", "wuchang.staff"]);
    expect(await readExport(actors.zhengding!, "130100")).toBeNull();
  });
});

describe("people import: username probes", () => {
  it("answers 'unavailable' within the hourly budget of the create form, then 'try later'", async () => {
    const others = [
      "wuchang",
      "wuchang.chair",
      "wuchang.staff",
      "hubei",
      "wuhan",
      "acftu",
      "hebei",
      "admin",
      "secadmin",
      "auditor",
      "zhengding",
    ];
    const planned = await spec.classify(
      t.db,
      actors["hengda.chair"]!,
      rowsOf(others.map((username) => ({ name: "某", username, org: "1301230001", role: "干部" }))),
    );
    expect(planned.map((p) => (p.action === "ERROR" ? p.errors[0]!.code : p.action))).toEqual([
      ...Array(10).fill("usernameUnavailable"),
      "usernameTryLater",
    ]);
    expect(
      await t.db.auditEvent.count({
        where: { action: "user.create", outcome: "FAILURE", actorId: actors["hengda.chair"]!.id },
      }),
    ).toBe(10);
  });
});

describe("people import: the 所属工会 column", () => {
  it("tells a closed union and a name that is not unique, and prefers the open namesake", async () => {
    const county = await t.db.org.findUniqueOrThrow({ where: { code: "130123" } });
    const child = (code: string, name: string, closed = false) =>
      t.db.org.create({
        data: {
          code,
          name,
          level: "GRASSROOTS",
          parentId: county.id,
          ancestorIds: [],
          depth: county.depth + 1,
          sortOrder: 99,
          closedAt: closed ? new Date() : null,
        },
      });
    for (const o of [
      await child("1301239001", "同名工会"),
      await child("1301239002", "同名工会"),
      await child("1301239003", "已撤销工会", true),
      await child("1301239004", "更名工会", true),
      await child("1301239005", "更名工会"),
    ])
      await t.db.org.update({ where: { id: o.id }, data: { ancestorIds: [...county.ancestorIds, o.id] } });
    const planned = await spec.classify(
      t.db,
      actors.zhengding!,
      rowsOf([
        { name: "甲", username: "zd.o1", org: "同名工会", role: "干部" },
        { name: "乙", username: "zd.o2", org: "1301239003", role: "干部" },
        { name: "丙", username: "zd.o3", org: "正定县总工会／更名工会", role: "干部" },
        { name: "丁", username: "zd.o4", org: "石家庄市总工会/正定县总工会", role: "干部" },
      ]),
    );
    expect(planned.map((p) => (p.action === "ERROR" ? p.errors[0]!.code : p.action))).toEqual([
      "unionAmbiguous",
      "unionClosed",
      "NEW",
      "NEW",
    ]);
  });
});
