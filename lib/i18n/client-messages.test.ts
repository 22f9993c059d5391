import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { SERVER_ONLY_NAMESPACES, clientMessages } from "./client-messages";
import { MESSAGES } from "./messages";

const ROOT = resolve(__dirname, "../..");
const DIRS = ["app", "components", "features", "lib"];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (name === "generated" || name === "node_modules") return [];
    if (statSync(p).isDirectory()) return sourceFiles(p);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [p] : [];
  });
}

function resolveImport(from: string, spec: string): string | null {
  const base = spec.startsWith("@/") ? join(ROOT, spec.slice(2)) : resolve(dirname(from), spec);
  for (const c of [base, `${base}.ts`, `${base}.tsx`, join(base, "index.ts"), join(base, "index.tsx")])
    if (existsSync(c) && statSync(c).isFile()) return c;
  return null;
}

/** Files that end up in the browser: "use client" files and everything they import from the app. */
function clientFiles(): string[] {
  const all = DIRS.flatMap((d) => sourceFiles(join(ROOT, d)));
  const queue = all.filter((f) => /^\s*["']use client["']/m.test(readFileSync(f, "utf8")));
  const seen = new Set(queue);
  while (queue.length) {
    const f = queue.pop()!;
    for (const m of readFileSync(f, "utf8").matchAll(/from\s+["']((?:\.{1,2}\/|@\/)[^"']+)["']/g)) {
      const dep = resolveImport(f, m[1]!);
      if (dep && !seen.has(dep)) {
        seen.add(dep);
        queue.push(dep);
      }
    }
  }
  return [...seen];
}

/** Top-level namespaces a file reads through useTranslations (a root translator: its keys' first part). */
function namespacesRead(src: string): string[] {
  const out = [...src.matchAll(/useTranslations\(\s*["']([\w]+)/g)].map((m) => m[1]!);
  if (/useTranslations\(\s*\)/.test(src))
    out.push(...[...src.matchAll(/\bt\(\s*[`"']([\w]+)\./g)].map((m) => m[1]!));
  return out;
}

describe("client messages", () => {
  it("keeps every namespace a client component reads", () => {
    const files = clientFiles();
    // The scan must see the client components (a broken scan would pass vacuously).
    expect(files.some((f) => f.endsWith("task-actions.tsx"))).toBe(true);
    const offending = files.flatMap((f) =>
      namespacesRead(readFileSync(f, "utf8"))
        .filter((ns) => SERVER_ONLY_NAMESPACES.includes(ns))
        .map((ns) => `${f.slice(ROOT.length + 1)}: ${ns}`),
    );
    expect(offending).toEqual([]);
  });

  it("leaves out exactly the server-only namespaces, in both languages", () => {
    for (const locale of ["zh-CN", "en"] as const) {
      const all = Object.keys(MESSAGES[locale]);
      const kept = Object.keys(clientMessages(locale));
      expect(kept).toEqual(all.filter((ns) => !SERVER_ONLY_NAMESPACES.includes(ns)));
      for (const ns of SERVER_ONLY_NAMESPACES) expect(all).toContain(ns);
      expect(kept).toEqual(expect.arrayContaining(["tasks", "errors", "validation", "common", "error"]));
    }
  });
});
