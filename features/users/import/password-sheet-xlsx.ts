import "server-only";
import ExcelJS from "exceljs";
import { CJK_FONT } from "@/features/exports/lib/print-setup";
import { neutraliseFormula } from "@/features/exports/lib/safe-text";

/** One line of the 初始密码单. */
export type TSheetEntry = { name: string; username: string; org: string; password: string };

const COLUMNS = [
  { header: "姓名", key: "name", width: 14 },
  { header: "用户名", key: "username", width: 20 },
  { header: "所属工会", key: "org", width: 36 },
  { header: "初始密码", key: "password", width: 20 },
] as const;

/** The 初始密码单 as XLSX, built in memory (it lists one import's new accounts). */
export async function passwordSheetXlsx(entries: readonly TSheetEntry[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("初始密码单", { views: [{ state: "frozen", ySplit: 1, xSplit: 0 }] });
  ws.columns = COLUMNS.map((c) => ({ ...c, style: { font: CJK_FONT } }));
  ws.getRow(1).font = { ...CJK_FONT, bold: true };
  for (const e of entries)
    ws.addRow({
      name: neutraliseFormula(e.name),
      username: neutraliseFormula(e.username),
      org: neutraliseFormula(e.org),
      password: e.password,
    });
  ws.addRow([]);
  ws.addRow(["首次登录时须修改初始密码。本表只能下载一次，请妥善保管，分发后销毁。"]).font = {
    ...CJK_FONT,
    italic: true,
  };
  return Buffer.from(await wb.xlsx.writeBuffer());
}
