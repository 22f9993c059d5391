import { PassThrough } from "node:stream";
import ExcelJS from "exceljs";
import { commitImportNow, uploadImportNow } from "@/features/imports/server/run-inline";
import { resolvePermissions } from "@/lib/auth/permissions";
import { setDbForTests } from "@/lib/db/client";
import { ensureDatabase, migrate, prismaClient } from "./database";
import { log } from "./stats";

// The import of grassroots unions (issue 13) at scale: a generated XLSX of `rows` unions under the
// counties of one province (河北), through the same server functions as the UI (upload → parse →
// preview → commit), on a database of its own, created fresh (migrated and seeded) every run so
// that the benchmark's dataset is left alone and every run imports into the same state.

const HEADERS = ["工会名称", "工会代码", "上级工会", "类型", "会员人数", "工会主席", "联系方式"];
const TYPES = ["企业", "机关事业", "街道社区", "行业", "联合工会", "其他"];

async function buildFile(rows: number, counties: string[]): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on("data", (c: Buffer) => chunks.push(c));
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useSharedStrings: false,
    useStyles: false,
  });
  const ws = wb.addWorksheet("基层工会");
  ws.addRow(HEADERS).commit();
  for (let i = 1; i <= rows; i++) {
    const county = counties[i % counties.length]!;
    ws.addRow([
      `基准${county}第${i}工会`,
      `B${String(i).padStart(7, "0")}`,
      county,
      TYPES[i % TYPES.length],
      String(10 + (i % 900)),
      `主席${i}`,
      `0311-${String(i).padStart(8, "0")}`,
    ]).commit();
  }
  ws.commit();
  await wb.commit();
  return Buffer.concat(chunks);
}

export type TImportResult = { seconds: number; previewSeconds: number; commitSeconds: number; rows: number };

/** Imports `rows` new unions into a fresh database next to `benchUrl`; throws when the counts are off. */
export async function measureImport(benchUrl: string, rows: number): Promise<TImportResult> {
  const url = new URL(benchUrl);
  url.pathname = `/${decodeURIComponent(url.pathname.slice(1))}_import`;
  await ensureDatabase(url.toString(), true);
  migrate(url.toString(), true);
  const db = prismaClient(url.toString(), 10);
  setDbForTests(db);
  try {
    const province = await db.org.findUniqueOrThrow({ where: { code: "130000" }, select: { id: true } });
    const counties = (
      await db.org.findMany({
        where: { level: "COUNTY", ancestorIds: { has: province.id } },
        select: { code: true },
        orderBy: { code: "asc" },
      })
    ).map((c) => c.code);
    const user = await db.user.create({
      data: {
        username: "bench.importer",
        name: "基准导入",
        role: "MANAGER",
        orgId: province.id,
        passwordHash: "-",
      },
      select: { id: true, username: true, role: true, orgId: true },
    });
    const permissions = resolvePermissions([{ role: "MANAGER", permission: "org:manage" }], "MANAGER");
    const actor = { ...user, permissions };
    log(`import: generating an XLSX of ${rows} unions under ${counties.length} counties of 河北`);
    const bytes = await buildFile(rows, counties);
    log(`import: ${(bytes.length / 1024 / 1024).toFixed(1)} MB, uploading`);
    const t0 = performance.now();
    const jobId = await uploadImportNow(actor, { kind: "ORGS", fileName: "bench.xlsx", bytes });
    const t1 = performance.now();
    const preview = await db.importJob.findUniqueOrThrow({ where: { id: jobId } });
    if (preview.status !== "PREVIEW" || preview.newCount !== rows)
      throw new Error(`import preview: ${preview.status} ${preview.errorCode ?? ""} new=${preview.newCount}`);
    await commitImportNow(actor, jobId);
    const t2 = performance.now();
    const done = await db.importJob.findUniqueOrThrow({ where: { id: jobId } });
    const created = await db.org.count({ where: { code: { startsWith: "B" }, level: "GRASSROOTS" } });
    if (done.status !== "DONE" || created !== rows)
      throw new Error(`import commit: ${done.status} ${done.errorCode ?? ""}, ${created} unions`);
    const r = (ms: number) => Math.round(ms / 100) / 10;
    log(`import: preview ${r(t1 - t0)} s, commit ${r(t2 - t1)} s, total ${r(t2 - t0)} s`);
    return { seconds: r(t2 - t0), previewSeconds: r(t1 - t0), commitSeconds: r(t2 - t1), rows };
  } finally {
    setDbForTests(undefined);
    await db.$disconnect();
  }
}
