import crypto from "node:crypto";
import { storePasswordSheet } from "@/features/users/import/password-sheet";
import type { TRouteCase, THttpMethod, TCtx } from "./registry-kit";
import { perms } from "./registry-kit";

// Registry entries: people import and export (features/users/import, features/users/server/export-people).

/** A fresh 初始密码单 of a made-up import job, owned by `ownerId`. */
async function sheetOf(c: TCtx, ownerId: number): Promise<number> {
  const jobId = crypto.randomInt(1_000_000, 2_000_000_000);
  await c.w.db.$transaction((tx) =>
    storePasswordSheet(tx, {
      jobId,
      ownerId,
      entries: [{ name: "某", username: "mx.sheet", org: "某工会", password: "Xy7kPq3RtVw9Ab" }],
    }),
  );
  return jobId;
}

const sheetRequest = (jobId: number) => ({
  url: `/api/imports/${jobId}/password-sheet`,
  params: { id: String(jobId) },
});

export const PEOPLE_ROUTES: Record<string, Partial<Record<THttpMethod, TRouteCase>>> = {
  "app/api/imports/[id]/password-sheet/route.ts": {
    GET: {
      // Only the importer who owns the sheet; to anyone else (another region's importer) it is not found.
      needs: perms("user:manage"),
      own: async (c) => sheetRequest(await sheetOf(c, c.me.id)),
      other: async (c) => sheetRequest(await sheetOf(c, c.w.demo["wuhan"]!.id)),
    },
  },
  "app/api/users/export/route.ts": {
    GET: {
      needs: perms("user:manage"),
      own: async (c) => ({ url: `/api/users/export?org=${c.w.orgs.own.held}`, params: {} }),
      other: async (c) => ({ url: `/api/users/export?org=${c.w.orgs.other.held}`, params: {} }),
    },
  },
};
