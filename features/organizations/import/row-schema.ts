import { z } from "zod";
import type { TImportColumn } from "@/features/imports/lib/spec";
import { zText } from "@/lib/input";
import { ORG_TYPE_NAMES, ORG_TYPES, ZGrassrootsUnion } from "../schemas";

/** The 基层工会 template, in column order. */
export const ORG_COLUMNS: readonly TImportColumn[] = [
  {
    key: "name",
    header: "工会名称",
    headerEn: "Union name",
    required: true,
    example: "恒达机械有限公司工会",
  },
  { key: "code", header: "工会代码", headerEn: "Union code", required: true, example: "1301230101" },
  { key: "parent", header: "上级工会", headerEn: "Parent federation", required: true, example: "130123" },
  { key: "type", header: "类型", headerEn: "Type", required: false, example: "企业" },
  { key: "memberCount", header: "会员人数", headerEn: "Members", required: false, example: "120" },
  { key: "chairName", header: "工会主席", headerEn: "Chair", required: false, example: "张明" },
  { key: "contact", header: "联系方式", headerEn: "Contact", required: false, example: "0311-88886666" },
];

const TYPE_BY_NAME = new Map<string, string>(Object.entries(ORG_TYPE_NAMES).map(([k, v]) => [v, k]));
const typeOf = (s: string) =>
  s === ""
    ? null
    : (TYPE_BY_NAME.get(s) ?? (ORG_TYPES as readonly string[]).find((t) => t === s.toUpperCase()) ?? s);

/** 会员人数 as typed: empty → null, digits (with thousands commas) → a number, anything else fails. */
const countOf = (s: string): number | null | string => {
  const digits = s.replace(/,/g, "");
  if (digits === "") return null;
  return /^\d{1,9}$/.test(digits) ? Number(digits) : s;
};

const ZCells = z.object({
  name: z.string(),
  code: z.string(),
  parent: z.string(),
  type: z.string(),
  memberCount: z.string(),
  chairName: z.string(),
  contact: z.string(),
});

/**
 * One template row: the cells (strings, normalised by the pipeline) turned into typed values, then
 * checked by ZGrassrootsUnion (whose name rule is the rename form's, ZOrgName) plus the parent
 * reference: a code, or a name path such as 河北省总工会/石家庄市总工会/石家庄市长安区总工会.
 */
export const ZOrgImportRow = ZCells.transform((c) => ({
  ...c,
  type: typeOf(c.type),
  memberCount: countOf(c.memberCount),
})).pipe(ZGrassrootsUnion.extend({ parent: zText().trim().min(1, "parent").max(300, "parent") }));

export type TOrgImportRow = z.infer<typeof ZOrgImportRow>;

/** The same row as template cells (the export, and the template's example). */
export function orgRowCells(r: TOrgImportRow): Record<string, string> {
  return {
    name: r.name,
    code: r.code,
    parent: r.parent,
    type: r.type ? ORG_TYPE_NAMES[r.type] : "",
    memberCount: r.memberCount === null ? "" : String(r.memberCount),
    chairName: r.chairName ?? "",
    contact: r.contact ?? "",
  };
}
