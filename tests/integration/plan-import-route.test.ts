import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { MAX_PLAN_FILE_BYTES } from "@/features/plan-import/server/read-document";
import { seedAll } from "@/prisma/seed/seed-all";
import { workPointsDocx } from "../fixtures/work-points-docx";
import { loadActors, type TTestActor } from "../helpers/actors";
import { createTestDb, type TTestDb } from "../helpers/test-db";

// The upload route of /plans/import: who may upload, the byte cap before parsing, the codes a browser
// sees (status + JSON), and that a refused upload writes no draft.
const session = vi.hoisted(() => ({ user: null as unknown }));
vi.mock("@/lib/auth/session", () => ({ getSession: async () => session.user }));
const route = await import("@/app/api/plans/import/route");

let t: TTestDb;
let A: Record<string, TTestActor>;
beforeAll(async () => {
  t = await createTestDb();
  await seedAll(t.db, { demoUsers: true });
  A = await loadActors(t.db);
});
afterAll(() => t.close());

const form = (bytes: Uint8Array, name = "要点.docx") => {
  const f = new FormData();
  f.set("file", new File([new Uint8Array(bytes)], name));
  return f;
};
const post = async (as: TTestActor | null, form: FormData, query = "") => {
  session.user = as;
  // The multipart bytes as one buffer, without a Content-Length: the route must stop at its cap by itself.
  const encoded = new Response(form);
  const headers = { "content-type": encoded.headers.get("content-type")! };
  const body = new Uint8Array(await encoded.arrayBuffer());
  const res = await route.POST(
    new Request(`http://app.test/api/plans/import${query}`, { method: "POST", body, headers }),
  );
  return { status: res.status, body: (await res.json()) as { code?: string; draftId?: number } };
};

describe("POST /api/plans/import", () => {
  it("a manager's .docx becomes a draft of their org", async () => {
    const r = await post(A.hebei!, form(await workPointsDocx()));
    expect(r.status).toBe(201);
    const d = await t.db.planDraft.findUniqueOrThrow({ where: { id: r.body.draftId! } });
    expect(d).toMatchObject({ issuingOrgId: A.hebei!.orgId, createdById: A.hebei!.id, status: "DRAFT" });
  });

  it("refuses strangers, the wrong role, bad ids, big, empty and foreign files with their codes", async () => {
    const before = await t.db.planDraft.count();
    const docx = await workPointsDocx();
    expect(await post(null, form(docx))).toEqual({ status: 401, body: { code: "UNAUTHENTICATED" } });
    expect(await post(A["zhengding.chair"]!, form(docx))).toEqual({
      status: 403,
      body: { code: "FORBIDDEN" },
    });
    expect((await post(A.hebei!, form(docx), "?issuingOrgId=abc")).body.code).toBe("VALIDATION");
    const hubei = await t.db.org.findUniqueOrThrow({ where: { code: "420000" } });
    expect((await post(A.hebei!, form(docx), `?issuingOrgId=${hubei.id}`)).body.code).toBe("VALIDATION");
    expect(await post(A.hebei!, form(new Uint8Array(MAX_PLAN_FILE_BYTES + 70 * 1024)))).toEqual({
      status: 413,
      body: { code: "FILE_TOO_LARGE" },
    });
    expect(await post(A.hebei!, form(new Uint8Array(0)))).toEqual({
      status: 400,
      body: { code: "PLAN_FILE_EMPTY" },
    });
    expect(await post(A.hebei!, form(Buffer.from("%PDF-1.7\n"), "要点.pdf"))).toEqual({
      status: 415,
      body: { code: "FILE_TYPE" },
    });
    expect(await t.db.planDraft.count()).toBe(before);
  });

  it("?part= reads one top-level part; a missing part or a bad numeral is refused and writes nothing", async () => {
    const docx = await workPointsDocx();
    const r = await post(A.hebei!, form(docx), `?part=${encodeURIComponent("二")}`);
    expect(r.status).toBe(201);
    const d = await t.db.planDraft.findUniqueOrThrow({ where: { id: r.body.draftId! } });
    // Read by hand from tests/fixtures/work-points.ts: 二、's １．２． are its main tasks.
    expect(d.title).toBe("聚焦中心任务，组织职工建功立业");
    expect((d.tree as { nodes: { title: string }[] }).nodes.map((n) => n.title)).toEqual([
      "深化劳动和技能竞赛",
      "推进产业工人队伍建设改革",
    ]);
    const before = await t.db.planDraft.count();
    expect(await post(A.hebei!, form(docx), `?part=${encodeURIComponent("四")}`)).toEqual({
      status: 400,
      body: { code: "PLAN_PART_NOT_FOUND", fieldErrors: { part: "partNotFound" } },
    });
    expect(await post(A.hebei!, form(docx), "?part=4")).toEqual({
      status: 400,
      body: { code: "VALIDATION", fieldErrors: { part: "invalid" } },
    });
    expect(await t.db.planDraft.count()).toBe(before);
  });
});
