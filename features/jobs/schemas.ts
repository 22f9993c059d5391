import { z } from "zod";
import { JOB_NAMES } from "./lib/names";

export const ZRunJob = z.object({ name: z.enum(JOB_NAMES) });
export type TRunJob = z.infer<typeof ZRunJob>;
