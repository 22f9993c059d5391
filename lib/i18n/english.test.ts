import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { TYPE } from "@formatjs/icu-messageformat-parser";
import { argumentUses, flattenMessages } from "./icu-args";
import { MESSAGES } from "./messages";

const en = flattenMessages(MESSAGES.en);

// Full-width and CJK punctuation, and the typographic marks a CJK font (first in the font stack) draws
// full width: curly quotes, ellipsis, en and em dash. English text uses their ASCII forms.
const WIDE_PUNCT = /[\u3000-\u303f\uff00-\uffef\u2018-\u201f\u2026\u2013\u2014]/u;
// A Chinese example inside an English message (e.g. a document number) keeps its own punctuation.
const withoutChineseExamples = (s: string) =>
  s
    .split(/\s+/)
    .filter((w) => !/\p{Script=Han}/u.test(w))
    .join(" ");

// Arguments that carry a number of things: English must inflect the noun next to them.
const COUNT_ARGS = new Set(["count", "total", "completed", "overdue", "days", "skipped", "created", "max"]);

describe("English catalogue", () => {
  it("uses no full-width or CJK punctuation", () => {
    const offending = en
      .filter(([, v]) => WIDE_PUNCT.test(withoutChineseExamples(v)))
      .map(([k, v]) => `${k}: ${v}`);
    expect(offending).toEqual([]);
  });

  it("shows every count through an ICU plural with one and other", () => {
    const offending: string[] = [];
    for (const [k, v] of en) {
      for (const a of argumentUses(v).filter((u) => COUNT_ARGS.has(u.name))) {
        const ok = a.type === TYPE.plural && a.options.includes("one") && a.options.includes("other");
        if (!ok) offending.push(`${k}: {${a.name}}`);
      }
    }
    expect(offending).toEqual([]);
  });

  it("inflects counted nouns: 1 new task, 2 new tasks", () => {
    // The catalogue is typed loosely (Record<string, unknown>), so keys are checked at run time here.
    const t = createTranslator({ locale: "en", messages: MESSAGES.en }) as unknown as (
      key: string,
      values?: Record<string, string | number>,
    ) => string;
    const newTasks = (count: number) => t("notifications.types.NEW_TASKS", { count, assignerOrg: "Hebei" });
    expect(newTasks(1)).toBe("Hebei assigned 1 new task; please sign for it");
    expect(newTasks(2)).toBe("Hebei assigned 2 new tasks; please sign for them");
    expect(t("tasks.overdueDays", { days: 1 })).toBe("1 day overdue");
    expect(t("tasks.overdueDays", { days: 12 })).toBe("12 days overdue");
    expect(t("common.count", { count: 1 })).toBe("1 item");
    expect(t("notifications.summary", { count: 0 })).toBe("No unread notifications");
    expect(t("notifications.summary", { count: 3 })).toBe("3 unread notifications");
  });
});

// UI code builds no text with Chinese punctuation: separators come from the catalogue (`punct.*`),
// so that the English pages read "Status: All", not "Status：All".
const UI_DIRS = ["app", "components", "features"];
const CJK_PUNCT = /[（）：，。；、“”‘’]/u;
const tsxFiles = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return tsxFiles(path);
    return path.endsWith(".tsx") ? [path] : [];
  });
const stripComments = (src: string) =>
  src.replace(/\/\*[\s\S]*?\*\//g, "").replace(/(^|[^:])\/\/.*$/gm, "$1");

describe("UI code", () => {
  it("puts no Chinese punctuation into text it builds", () => {
    const root = join(__dirname, "../..");
    const offending = UI_DIRS.flatMap((d) => tsxFiles(join(root, d))).flatMap((file) =>
      stripComments(readFileSync(file, "utf8"))
        .split("\n")
        .filter((line) => CJK_PUNCT.test(line))
        .map((line) => `${file.slice(root.length + 1)}: ${line.trim()}`),
    );
    expect(offending).toEqual([]);
  });
});
