import path from "node:path";
import { z } from "zod";

// Validated process environment. Everything is optional: with nothing set the
// app runs on embedded PGlite inside DATA_DIR and generates its own secret.
const ZEnv = z.object({
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "DATABASE_URL must be a postgresql:// URL")
    .optional(),
  DATA_DIR: z.string().min(1).default(".data"),
  /** Where evidence files are kept (outside the web root); defaults to <DATA_DIR>/uploads. */
  UPLOAD_DIR: z.string().min(1).optional(),
  NEXTAUTH_SECRET: z.string().min(32, "NEXTAUTH_SECRET must be at least 32 characters").optional(),
  /** An approved China map (GeoJSON file path) and its 审图号: only both together enable the map. */
  MAP_GEOJSON: z.string().min(1).optional(),
  MAP_APPROVAL_NO: z.string().min(1).optional(),
  /** 1/true: this instance runs no scheduled jobs (it serves HTTP only; a benchmark's servers). */
  JOBS_DISABLED: z
    .enum(["0", "1", "true", "false"])
    .default("0")
    .transform((v) => v === "1" || v === "true"),
  /** The PostgreSQL schema pg-boss keeps its queues in (with DATABASE_URL only). */
  JOBS_SCHEMA: z
    .string()
    .regex(/^[a-z_][a-z0-9_]{0,62}$/, "JOBS_SCHEMA must be a lower-case SQL identifier")
    .default("pgboss"),
});

export type TEnv = z.infer<typeof ZEnv>;

export function getEnv(): TEnv {
  const raw = Object.fromEntries(Object.entries(process.env).filter(([, v]) => v !== undefined && v !== ""));
  return ZEnv.parse(raw);
}

export function dataDir(): string {
  return path.resolve(/*turbopackIgnore: true*/ process.cwd(), getEnv().DATA_DIR);
}

export function uploadDir(): string {
  const dir = getEnv().UPLOAD_DIR;
  return dir ? path.resolve(/*turbopackIgnore: true*/ process.cwd(), dir) : path.join(dataDir(), "uploads");
}
