import type { TDb } from "../../lib/db/client";
import { chinaToday } from "../../lib/dates";

// A second plan beside the 17th report, for the demo and the e2e suite: 河北省总工会's 工作要点 of
// the coming year (next to today's year, so that it never becomes anybody's default plan by the
// calendar alone: the default is the plan whose period covers today). Written in the style of a
// provincial federation's yearly 工作要点: main tasks 一、, sub-items （一）, measures 1.

type TItem = { title: string; text: string; children?: TItem[] };

const MAIN_TASKS: TItem[] = [
  {
    title: "坚持政治引领，推动党的创新理论在全省职工中落地生根",
    text: "一、坚持政治引领，推动党的创新理论在全省职工中落地生根",
    children: [
      {
        title: "深化职工思想政治引领",
        text: "（一）深化职工思想政治引领。",
        children: [
          {
            title: "开展“中国梦·劳动美”主题宣传教育",
            text: "1. 深入开展“中国梦·劳动美”主题宣传教育活动，组织职工宣讲不少于500场。",
          },
          {
            title: "推进职工书屋提质增效",
            text: "2. 推进“职工书屋”提质增效，新建省级示范点100家，实现县级工会全覆盖。",
          },
        ],
      },
      {
        title: "弘扬劳模精神、劳动精神、工匠精神",
        text: "（二）弘扬劳模精神、劳动精神、工匠精神。",
        children: [
          { title: "开展“燕赵工匠”选树", text: "3. 开展“燕赵工匠”选树活动，年内命名100名省级工匠。" },
          { title: "劳模工匠进基层宣讲", text: "4. 组织劳模工匠进企业、进校园、进社区宣讲50场。" },
        ],
      },
    ],
  },
  {
    title: "聚焦京津冀协同发展，组织动员职工建功立业",
    text: "二、聚焦京津冀协同发展，组织动员职工建功立业",
    children: [
      {
        title: "深入开展劳动和技能竞赛",
        text: "（一）深入开展劳动和技能竞赛。",
        children: [
          {
            title: "围绕雄安新区建设开展劳动竞赛",
            text: "5. 围绕雄安新区建设和省重点工程项目开展劳动竞赛，参赛职工不少于20万人次。",
          },
          { title: "举办全省职工职业技能大赛", text: "6. 举办全省职工职业技能大赛，覆盖30个以上工种。" },
        ],
      },
      {
        title: "推进产业工人队伍建设改革",
        text: "（二）推进产业工人队伍建设改革。",
        children: [
          { title: "实施职工技能提升行动", text: "7. 实施职工技能提升行动，年内培训职工10万人次。" },
        ],
      },
    ],
  },
  {
    title: "履行维权服务基本职责，提升职工群众获得感",
    text: "三、履行维权服务基本职责，提升职工群众获得感",
    children: [
      {
        title: "健全劳动关系协调机制",
        text: "（一）健全劳动关系协调机制。",
        children: [
          {
            title: "推动工资集体协商",
            text: "8. 推动已建工会企业工资集体协商覆盖率稳定在80%以上。",
          },
          {
            title: "新就业形态劳动者入会集中行动",
            text: "9. 开展新就业形态劳动者入会集中行动，新发展会员5万人。",
          },
        ],
      },
      {
        title: "做实普惠服务",
        text: "（二）做实普惠服务。",
        children: [
          { title: "开展“两节”送温暖", text: "10. 开展“两节”送温暖活动，走访慰问困难职工和一线职工。" },
          { title: "建设户外劳动者服务站点", text: "11. 新建户外劳动者服务站点（驿站）200个。" },
        ],
      },
    ],
  },
  {
    title: "深化工会改革，夯实基层基础",
    text: "四、深化工会改革，夯实基层基础",
    children: [
      {
        title: "加强基层工会规范化建设",
        text: "（一）加强基层工会规范化建设。",
        children: [
          { title: "基层工会规范化建设达标", text: "12. 开展基层工会规范化建设达标活动，达标率达到85%。" },
          { title: "推进智慧工会建设", text: "13. 推进智慧工会建设，实现会员实名制数据动态更新。" },
        ],
      },
    ],
  },
];

/** Whether the demo plan is seeded: only when asked (SEED_DEMO_PLAN=1: the demo, the e2e suite). */
export function wantDemoPlan(env: Record<string, string | undefined> = process.env): boolean {
  return env.SEED_DEMO_PLAN === "1";
}

/** The demo plan's code prefix and year: the year after today's (in China). */
export function demoPlanPrefix(today: Date = chinaToday()): { prefix: string; year: number } {
  const year = today.getUTCFullYear() + 1;
  return { prefix: `HB${year}`, year };
}

/**
 * 河北省总工会's 工作要点 of the coming year as a plan (kind WORK_POINTS, prefix HB<year>), with its
 * objectives; idempotent like the report's seed (missing rows are inserted, existing ones left alone).
 */
export async function seedDemoPlan(db: TDb, today: Date = chinaToday()): Promise<number> {
  const { prefix, year } = demoPlanPrefix(today);
  const hebei = await db.org.findUnique({ where: { code: "130000" }, select: { id: true } });
  if (!hebei) throw new Error("seed the orgs before the demo plan: it is issued by 河北省总工会");
  const title = `河北省总工会${year}年工作要点`;
  const plan = await db.plan.upsert({
    where: { codePrefix: prefix },
    create: {
      codePrefix: prefix,
      title,
      kind: "WORK_POINTS",
      periodStart: new Date(`${year}-01-01T00:00:00Z`),
      periodEnd: new Date(`${year}-12-31T00:00:00Z`),
      issuingOrgId: hebei.id,
    },
    update: {},
    select: { id: true },
  });
  let count = 0;
  type TLevel = "PLAN" | "MAIN_TASK" | "SUB_ITEM" | "MEASURE";
  const put = async (o: {
    code: string;
    level: TLevel;
    item: TItem;
    parentId: number | null;
    sortOrder: number;
  }) => {
    count += 1;
    const { code, level, item, parentId, sortOrder } = o;
    const row = await db.objective.upsert({
      where: { code },
      create: { code, level, planId: plan.id, parentId, title: item.title, sourceText: item.text, sortOrder },
      update: {},
      select: { id: true },
    });
    return row.id;
  };
  const rootId = await put({
    code: prefix,
    level: "PLAN",
    item: { title, text: title },
    parentId: null,
    sortOrder: 1,
  });
  for (const [i, main] of MAIN_TASKS.entries()) {
    const mainCode = `${prefix}.${i + 1}`;
    const mainId = await put({
      code: mainCode,
      level: "MAIN_TASK",
      item: main,
      parentId: rootId,
      sortOrder: i + 1,
    });
    for (const [j, sub] of (main.children ?? []).entries()) {
      const subCode = `${mainCode}.${j + 1}`;
      const subId = await put({
        code: subCode,
        level: "SUB_ITEM",
        item: sub,
        parentId: mainId,
        sortOrder: j + 1,
      });
      for (const [k, m] of (sub.children ?? []).entries())
        await put({
          code: `${subCode}.${k + 1}`,
          level: "MEASURE",
          item: m,
          parentId: subId,
          sortOrder: k + 1,
        });
    }
  }
  return count;
}
