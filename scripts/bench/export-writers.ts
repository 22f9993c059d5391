// The export writers at national size, without a database: synthetic 台账 rows (the ledger's 21
// columns, realistic text lengths) in chunks of 2,000 through writeXlsx / writeCsv into a sink that
// discards the bytes. Prints rows/s, bytes, worksheets and the peak RSS of the run.
//   npx tsx --conditions=react-server scripts/bench/export-writers.ts [xlsx|csv] [rows]
import { Writable } from "node:stream";
import { ledgerColumns } from "@/features/exports/lib/columns";
import type { TRow, TSheet } from "@/features/exports/lib/sheet";
import { writeCsv } from "@/features/exports/server/write-csv";
import { dataRowsPerSheet, writeXlsx } from "@/features/exports/server/write-xlsx";

const format = process.argv[2] === "csv" ? "csv" : "xlsx";
const total = Number(process.argv[3] ?? 1_200_000);
const CHUNK = 2_000;

const day = (n: number) => new Date(Date.UTC(2026, 0, 1 + (n % 365)));
function row(i: number): TRow {
  return [
    `3.${i % 9}.${i % 7}`,
    `推动产业工人队伍建设改革第${i % 97}项举措，完善技能人才评价激励机制`,
    `主要任务${i % 6}：深化工会改革`,
    `某某县某某乡镇第${i}基层工会委员会`,
    `河北省 / 石家庄市 / 正定县`,
    "正定县总工会",
    i % 3 ? `3.${i % 9}.${i % 7} 上级任务` : "",
    "下达",
    "进行中",
    "普通",
    day(i),
    day(i + 3),
    null,
    null,
    "否",
    `张${i % 100}`,
    i % 101,
    "正常",
    `已召开专题会议部署，完成第${i % 12}阶段工作，下一步继续推进。`,
    day(i + 10),
    i % 4,
  ];
}
/** RSS (MiB) each time another tenth of the rows has been produced: flat memory shows as a flat line. */
const tenths: number[] = [];
async function* rows(): AsyncGenerator<TRow[]> {
  for (let i = 0; i < total; i += CHUNK) {
    if (i >= (tenths.length * total) / 10) tenths.push(Math.round(process.memoryUsage().rss / 2 ** 20));
    yield Array.from({ length: Math.min(CHUNK, total - i) }, (_, k) => row(i + k));
  }
}

let bytes = 0;
const sink = new Writable({
  highWaterMark: 16 * 1024,
  write(chunk: Buffer, _enc, done) {
    bytes += chunk.length;
    done();
  },
});
const finished = new Promise((resolve) => sink.on("finish", resolve));
let peak = 0;
const sample = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);

// Header text is the catalogue key (next-intl's translator does not load under the react-server condition).
const sheet: TSheet = { name: "台账", titleLines: [], columns: ledgerColumns((key) => key), rows: rows() };
const start = performance.now();
await (format === "xlsx" ? writeXlsx(sheet, sink) : writeCsv(sheet, sink));
await finished;
const seconds = (performance.now() - start) / 1000;
clearInterval(sample);
peak = Math.max(peak, process.memoryUsage().rss);
const mb = (n: number) => `${(n / 2 ** 20).toFixed(0)} MiB`;
console.log(
  JSON.stringify({
    format,
    rows: total,
    sheets: format === "xlsx" ? Math.max(1, Math.ceil(total / dataRowsPerSheet(sheet))) : 1,
    seconds: Number(seconds.toFixed(1)),
    rowsPerSecond: Math.round(total / seconds),
    output: mb(bytes),
    peakRss: mb(peak),
    maxRss: mb(process.resourceUsage().maxRSS * 1024),
    rssByTenthMiB: tenths,
  }),
);
