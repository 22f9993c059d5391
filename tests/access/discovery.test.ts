import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadModule, ROOT } from "./call";
import { ACTIONS, HTTP_METHODS, ROUTES } from "./registry";

// The access matrix covers what the registry lists; this keeps the registry complete: every export
// of every "use server" module and every HTTP method of every route handler must be listed there,
// and every listed one must still exist.

const SOURCE_DIRS = ["app", "features", "lib", "components"];
const SKIP_DIRS = new Set(["node_modules", "generated", ".next"]);

function sourceFiles(dir: string): string[] {
  const abs = path.join(ROOT, dir);
  if (!fs.existsSync(abs)) return [];
  return fs.readdirSync(abs, { withFileTypes: true }).flatMap((d) => {
    const rel = path.posix.join(dir, d.name);
    if (d.isDirectory()) return SKIP_DIRS.has(d.name) ? [] : sourceFiles(rel);
    return /\.(ts|tsx|js|mjs)$/.test(d.name) && !/\.test\.tsx?$/.test(d.name) ? [rel] : [];
  });
}

const files = SOURCE_DIRS.flatMap(sourceFiles).sort();
const source = (f: string) => fs.readFileSync(path.join(ROOT, f), "utf8");
/** A "use server" directive as the module's first statement (after comments). */
const MODULE_DIRECTIVE = /^(?:\s|\/\/[^\n]*\n|\/\*[\s\S]*?\*\/)*["']use server["']/;
const ANY_DIRECTIVE = /["']use server["']/;

const actionFiles = files.filter((f) => MODULE_DIRECTIVE.test(source(f)));
const inlineActionFiles = files.filter(
  (f) => !MODULE_DIRECTIVE.test(source(f)) && ANY_DIRECTIVE.test(source(f)),
);
const routeFiles = files.filter((f) => f.startsWith("app/") && /\/route\.(ts|tsx|js|mjs)$/.test(f));

async function exportsOf(file: string, keep: (name: string, value: unknown) => boolean): Promise<string[]> {
  const mod = await loadModule(file);
  return Object.entries(mod)
    .filter(([name, value]) => keep(name, value))
    .map(([name]) => `${file}#${name}`);
}

const listed = (registry: Record<string, Record<string, unknown>>) =>
  Object.entries(registry).flatMap(([file, entries]) =>
    Object.keys(entries).map((name) => `${file}#${name}`),
  );

describe("the access registry lists every server action and route handler", () => {
  it("finds the app's actions and routes at all (the scan itself works)", () => {
    expect(actionFiles).toContain("features/tasks/actions.ts");
    expect(routeFiles).toContain("app/api/exports/[kind]/route.ts");
  });

  it('has no server action defined inline (a "use server" inside a function): put it in an actions module', () => {
    expect(inlineActionFiles).toEqual([]);
  });

  it('lists every exported function of every "use server" module, and nothing that is gone', async () => {
    const found: string[] = [];
    for (const f of actionFiles) found.push(...(await exportsOf(f, (_, v) => typeof v === "function")));
    const registered = listed(ACTIONS);
    expect(
      found.filter((x) => !registered.includes(x)),
      "not in tests/access/registry.ts ACTIONS",
    ).toEqual([]);
    expect(
      registered.filter((x) => !found.includes(x)),
      "in ACTIONS but no longer exported",
    ).toEqual([]);
  });

  it("lists every HTTP method of every route handler, and nothing that is gone", async () => {
    const methods: readonly string[] = HTTP_METHODS;
    const found: string[] = [];
    for (const f of routeFiles) found.push(...(await exportsOf(f, (name) => methods.includes(name))));
    const registered = listed(ROUTES);
    expect(
      found.filter((x) => !registered.includes(x)),
      "not in tests/access/registry.ts ROUTES",
    ).toEqual([]);
    expect(
      registered.filter((x) => !found.includes(x)),
      "in ROUTES but no longer exported",
    ).toEqual([]);
  });
});
