import crypto from "node:crypto";
import { addDays, chinaToday, formatDay } from "@/lib/dates";
import { ZAssignTasks } from "@/features/tasks/schemas";
import { assignTasks } from "@/features/tasks/server/assign-tasks";
import { ZSchemeRules } from "@/features/assessment/schemas";
import { seedAll } from "@/prisma/seed/seed-all";
import { loadActors, type TTestActor } from "../helpers/actors";
import { createTestDb, type TTestDb } from "../helpers/test-db";

// The record of assessment-results.test.ts (its header tells the story by hand): 河北's 11 cities,
// measures A and B given to 石家庄 and 唐山 on 5 January of last year (PY), and the published scheme.

export const today = chinaToday();
export const PY = today.getUTCFullYear() - 1;
export const noon = (m: number, d: number) => new Date(Date.UTC(PY, m - 1, d, 4));
export const day = (m: number, d: number) => new Date(Date.UTC(PY, m - 1, d));

export type TResultsFixture = {
  t: TTestDb;
  A: Record<string, TTestActor>;
  ids: Record<"hebei" | "sjz" | "ts" | "hd", number>;
  /** A manager of 唐山 (the demo users have none). */
  tsActor: TTestActor;
  sjzA: number;
  sjzB: number;
  schemeId: number;
};

export async function seedResultsFixture(): Promise<TResultsFixture> {
  const t = await createTestDb();
  await seedAll(t.db, { demoUsers: true });
  const A = await loadActors(t.db);
  const org = (code: string) => t.db.org.findUniqueOrThrow({ where: { code } });
  const [hebei, sjz, ts, hd] = await Promise.all(["130000", "130100", "130200", "130400"].map(org));
  const ids = { hebei: hebei!.id, sjz: sjz!.id, ts: ts!.id, hd: hd!.id };
  const u = await t.db.user.create({
    data: { username: "ts.mgr", name: "唐山督办员", role: "MANAGER", orgId: ts!.id, passwordHash: "x" },
  });
  const tsActor = { ...A.shijiazhuang!, id: u.id, username: "ts.mgr", orgId: ts!.id, orgName: ts!.name };

  const [mA, mB] = await Promise.all(
    ["3.2.1.1", "3.2.1.2"].map((code) => t.db.objective.findUniqueOrThrow({ where: { code } })),
  );
  await assignTasks(
    A.hebei!,
    ZAssignTasks.parse({
      clientToken: crypto.randomUUID(),
      dueDate: formatDay(addDays(today, 30)),
      priority: "NORMAL",
      objectiveIds: [mA!.id, mB!.id],
      target: { mode: "orgs", orgIds: [sjz!.id, ts!.id] },
    }),
  );
  const task = (m: { id: number }, o: number) =>
    t.db.task.findFirstOrThrow({ where: { objectiveId: m.id, orgId: o }, select: { id: true } });
  await t.db.task.updateMany({ where: { reviewOrgId: hebei!.id }, data: { createdAt: noon(1, 5) } });
  await t.db.task.updateMany({
    where: { objectiveId: mA!.id, reviewOrgId: hebei!.id },
    data: { dueDate: day(3, 31), completedAt: noon(3, 20) },
  });
  await t.db.task.updateMany({
    where: { objectiveId: mB!.id, reviewOrgId: hebei!.id },
    data: { dueDate: day(6, 30) },
  });
  await t.db.task.update({ where: { id: (await task(mB!, ts!.id)).id }, data: { completedAt: noon(6, 20) } });
  const sjzB = (await task(mB!, sjz!.id)).id;
  const sjzA = (await task(mA!, sjz!.id)).id;

  const s = await t.db.assessmentScheme.create({
    data: {
      orgId: hebei!.id,
      year: PY,
      title: "上年度考评",
      scope: "DIRECT",
      rules: ZSchemeRules.parse({
        base: 80,
        rules: [
          { id: "ontime", kind: "ON_TIME", points: 5 },
          { id: "overdue", kind: "OVERDUE", points: 3 },
        ],
        bands: { EXCELLENT: 90, GOOD: 80, PASS: 60 },
        vetoGrade: "FAIL",
      }),
      status: "PUBLISHED",
      publishedAt: new Date(),
      createdById: A.hebei!.id,
    },
  });
  return { t, A, ids, tsActor, sjzA, sjzB, schemeId: s.id };
}
