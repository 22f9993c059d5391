import type { TDb } from "../../lib/db/client";

/**
 * Indicators of a few measures of the 17th report, only where the report itself counts the thing:
 * each names the measure (by code) and the sentence of section 一 whose figure is its baseline.
 * Nothing beyond the text: the names and units are the report's own (家, 人, 万元, 户).
 */
export const REPORT_INDICATORS = [
  {
    code: "3.5.3.5", // 强化职工在建会中的主体地位 … 网上申请入会
    name: "新建工会数",
    unit: "家",
    baseline: "基层工会组织 280.9万个",
  },
  {
    code: "3.5.3.5",
    name: "发展会员数",
    unit: "人",
    baseline: "全国工会会员总数 3.0亿人",
  },
  {
    code: "3.2.1.4", // 加强职工文化建设 … 职工书屋
    name: "职工书屋数",
    unit: "家",
    baseline: "建设职工书屋 10 万多家",
  },
  {
    code: "3.2.4.1", // 加强劳模和工匠人才创新工作室创建
    name: "劳模创新工作室数",
    unit: "家",
    baseline: "命名劳模创新工作室 1.8万家",
  },
  {
    code: "3.4.3.1", // 分类做好城市困难职工解困脱困工作
    name: "帮扶资金",
    unit: "万元",
    baseline: "累计筹集帮扶资金 200 亿元",
  },
  {
    code: "3.4.3.1",
    name: "帮助困难职工家庭脱困数",
    unit: "户",
    baseline: "帮助 242 万户的困难职工家庭脱困",
  },
] as const;

/**
 * Adds the report's indicators that are missing, keyed on (measure code, name); existing rows are
 * left alone (edited or retired in the app, they stay so). Measures not seeded are skipped.
 */
export async function seedIndicators(db: TDb): Promise<number> {
  const measures = new Map(
    (
      await db.objective.findMany({
        where: { code: { in: [...new Set(REPORT_INDICATORS.map((i) => i.code))] }, level: "MEASURE" },
        select: { id: true, code: true },
      })
    ).map((m) => [m.code, m.id]),
  );
  let added = 0;
  for (const [order, ind] of REPORT_INDICATORS.entries()) {
    const objectiveId = measures.get(ind.code);
    if (objectiveId === undefined) continue;
    const r = await db.indicator.createMany({
      data: [
        {
          objectiveId,
          name: ind.name,
          unit: ind.unit,
          aggregation: "SUM",
          direction: "HIGHER",
          sortOrder: order + 1,
        },
      ],
      skipDuplicates: true,
    });
    added += r.count;
  }
  return added;
}
