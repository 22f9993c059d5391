import { NextResponse } from "next/server";
import { findImportJob } from "@/features/imports/server/find-job";
import { jobView } from "@/features/imports/server/job-view";
import { authenticate } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { errorResponse, idParam } from "@/lib/http";

// GET /api/imports/<id>: the job's state, polled by its page while it is read or committed.
export async function GET(_req: Request, ctx: { params: Promise<{ id: string }> }) {
  try {
    const user = await authenticate();
    const id = idParam((await ctx.params).id);
    const job = id ? await findImportJob(user, id) : null;
    if (!job) throw new AppError("NOT_FOUND");
    return NextResponse.json(jobView(job), { headers: { "Cache-Control": "no-store" } });
  } catch (e) {
    return errorResponse(e);
  }
}
