// Diagnostic (not part of `npm run bench`): the national 台账 CSV through the app's own pipeline
// (ledgerTaskChunks → ledgerNames → ledgerRow → writeCsv) in this process, without HTTP, into a sink that
// discards the bytes (or writes them to $OUT, to compare two versions' files). Prints rows/s and
// the process's CPU time per row; for a profile: node --cpu-prof --import tsx --conditions=react-server ….
//   [OUT=file.csv] npx tsx --conditions=react-server scripts/bench/ledger-export.ts [rows]
import fs from "node:fs";
import { Writable } from "node:stream";
import { ledgerColumns } from "@/features/exports/lib/columns";
import { ledgerRow } from "@/features/exports/lib/ledger-row";
import type { TRow } from "@/features/exports/lib/sheet";
import { ledgerNames } from "@/features/exports/server/ledger-names";
import { ledgerTaskChunks } from "@/features/exports/server/ledger-rows";
import { writeCsv } from "@/features/exports/server/write-csv";
import { chinaToday } from "@/lib/dates";
import { appClient } from "./database";

const url = process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/utt_bench";
const limit = Number(process.argv[2] ?? 1_000_000);
const db = appClient(url, 4);
const root = await db.org.findFirstOrThrow({
  where: { level: "NATIONAL" },
  select: { id: true, ancestorIds: true },
});
const names = await ledgerNames(db, root);
const memo = new Map<string, string>();
const t = (key: string) => memo.get(key) ?? (memo.set(key, key), key);
const today = chinaToday();
let rows = 0;
async function* body(): AsyncGenerator<TRow[]> {
  for await (const tasks of ledgerTaskChunks(db, { orgId: root.id, measureIds: null })) {
    rows += tasks.length;
    await names.complete(tasks);
    yield tasks.map((task) => ledgerRow(task, { t, today, names }));
    if (rows >= limit) return;
  }
}
let bytes = 0;
const fd = process.env.OUT ? fs.openSync(process.env.OUT, "w") : null;
const sink = new Writable({
  write(chunk: Buffer, _enc, done) {
    bytes += chunk.length;
    if (fd !== null) fs.writeSync(fd, chunk);
    done();
  },
});
const start = performance.now();
await writeCsv({ name: "台账", titleLines: [], columns: ledgerColumns(t), rows: body() }, sink);
const seconds = (performance.now() - start) / 1000;
const cpu = process.cpuUsage();
console.log(
  JSON.stringify({
    rows,
    seconds: Number(seconds.toFixed(1)),
    rowsPerSecond: Math.round(rows / seconds),
    // CPU time of this process (the whole run, start-up included): what a busy machine cannot hide.
    cpuMicrosPerRow: Number(((cpu.user + cpu.system) / rows).toFixed(2)),
    mb: Math.round(bytes / 2 ** 20),
  }),
);
await db.$disconnect();
