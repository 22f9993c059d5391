import fs from "node:fs";

// Calling a server action through HTTP as the browser does: POST to a page that uses it, with the
// action's id (from the build's server-reference manifest) in `Next-Action` and the arguments as
// JSON. The answer is the RSC stream; the action's own result sits in it as JSON.
type TManifest = {
  node: Record<string, { filename: string; exportedName: string; workers: Record<string, unknown> }>;
};

export type TActionRef = { id: string; page: string };

/** The id of an exported action of a file, and the route of a page that loads it. */
export function findAction(filename: string, exportedName: string): TActionRef {
  const manifest = JSON.parse(
    fs.readFileSync(".next/server/server-reference-manifest.json", "utf8"),
  ) as TManifest;
  for (const [id, e] of Object.entries(manifest.node)) {
    if (e.filename !== filename || e.exportedName !== exportedName) continue;
    const worker = Object.keys(e.workers)[0];
    if (!worker) break;
    // "app/(app)/tasks/[id]/progress/page" → "/tasks/[id]/progress" (route groups dropped).
    const page = worker
      .replace(/^app/, "")
      .replace(/\/page$/, "")
      .replace(/\/\([^)]*\)/g, "");
    return { id, page: page || "/" };
  }
  throw new Error(`bench: no server action ${exportedName} of ${filename} in the build`);
}

export type TActionAnswer = { status: number; ok: boolean; body: string };

/** One call; `ok` when the action answered with its success result (`"ok":true`). */
export async function callAction(
  base: string,
  ref: TActionRef,
  opts: { path: string; cookie: string; args: unknown[] },
): Promise<TActionAnswer> {
  const res = await fetch(`${base}${opts.path}`, {
    method: "POST",
    headers: {
      "Next-Action": ref.id,
      "Content-Type": "text/plain;charset=UTF-8",
      Accept: "text/x-component",
      Origin: base,
      cookie: opts.cookie,
    },
    body: JSON.stringify(opts.args),
    redirect: "manual",
  });
  const body = await res.text();
  return { status: res.status, ok: res.status === 200 && body.includes('"ok":true'), body };
}

/** The error code of a failed action's answer, or the HTTP status. */
export function failureOf(a: TActionAnswer): string {
  const code = /"code":"([A-Z_]+)"/.exec(a.body)?.[1];
  return code ?? `HTTP ${a.status}`;
}
