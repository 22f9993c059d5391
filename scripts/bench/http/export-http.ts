import fs from "node:fs";
import { log } from "../stats";

// The national 台账 export (CSV) through HTTP, as a browser downloads it: rows per second (data rows of
// the CSV, counted while streaming) and how far the server's resident memory (the process and its
// children, sampled every 100 ms) rose above where it stood when the request was sent.
export type TExportRun = {
  rows: number;
  seconds: number;
  rowsPerSecond: number;
  rssStartMb: number;
  rssPeakMb: number;
};

function childrenOf(pid: number): number[] {
  try {
    const tasks = fs.readdirSync(`/proc/${pid}/task`);
    return tasks.flatMap((t) =>
      fs.readFileSync(`/proc/${pid}/task/${t}/children`, "utf8").split(" ").filter(Boolean).map(Number),
    );
  } catch {
    return [];
  }
}

/** Resident memory in MB of a process and all its descendants (Linux /proc). */
export function treeRssMb(pid: number): number {
  let kb = 0;
  const stack = [pid];
  while (stack.length) {
    const p = stack.pop()!;
    try {
      const m = /VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${p}/status`, "utf8"));
      kb += Number(m?.[1] ?? 0);
    } catch {
      continue;
    }
    stack.push(...childrenOf(p));
  }
  return kb / 1024;
}

export async function exportThroughHttp(opts: {
  base: string;
  serverPid: number;
  cookie: string;
}): Promise<TExportRun> {
  const rssStartMb = treeRssMb(opts.serverPid);
  let rssPeakMb = rssStartMb;
  const sampler = setInterval(() => (rssPeakMb = Math.max(rssPeakMb, treeRssMb(opts.serverPid))), 100);
  const t0 = performance.now();
  try {
    const res = await fetch(`${opts.base}/api/exports/ledger?format=csv`, {
      headers: { cookie: opts.cookie },
    });
    if (res.status !== 200 || !res.body) throw new Error(`bench: the export answered ${res.status}`);
    let newlines = 0;
    let bytes = 0;
    for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
      bytes += chunk.byteLength;
      for (const b of chunk) if (b === 10) newlines++;
    }
    const seconds = (performance.now() - t0) / 1000;
    const rows = newlines - 1; // one line per task after the header line

    log(
      `export csv: ${rows} rows, ${(bytes / 1e6).toFixed(0)} MB in ${seconds.toFixed(1)} s = ` +
        `${Math.round(rows / seconds)} rows/s; server RSS ${rssStartMb.toFixed(0)} → peak ${rssPeakMb.toFixed(0)} MB`,
    );
    return { rows, seconds, rowsPerSecond: rows / seconds, rssStartMb, rssPeakMb };
  } finally {
    clearInterval(sampler);
  }
}
