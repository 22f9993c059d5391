import path from "node:path";
import { z } from "zod";

// Validated process environment. Everything is optional: with nothing set the
// app runs on embedded PGlite inside DATA_DIR and generates its own secret.
const ZEnv = z
  .object({
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, "DATABASE_URL must be a postgresql:// URL")
      .optional(),
    /**
     * A streaming replica (PostgreSQL only): the completion views, 通报 and exports read there unless the
     * user has just written (lib/db/read-db.ts). Unset: everything reads from DATABASE_URL.
     */
    DATABASE_REPLICA_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, "DATABASE_REPLICA_URL must be a postgresql:// URL")
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
  })
  .refine((e) => !e.DATABASE_REPLICA_URL || e.DATABASE_URL, {
    message: "DATABASE_REPLICA_URL needs DATABASE_URL (a replica of the embedded database does not exist)",
    path: ["DATABASE_REPLICA_URL"],
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

/** The S3 settings (features/evidence storage); with no S3_BUCKET the local folder is used. */
const ZS3 = z
  .object({
    S3_BUCKET: z
      .string()
      .regex(
        /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/,
        "S3_BUCKET must be a bucket name: 3–63 lowercase letters, digits, dots or hyphens",
      )
      .optional(),
    S3_ENDPOINT: z.url({ message: "S3_ENDPOINT must be a URL such as https://s3.example.com" }).optional(),
    S3_REGION: z.string().min(1).default("us-east-1"),
    S3_ACCESS_KEY_ID: z.string().min(1).optional(),
    S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
    S3_FORCE_PATH_STYLE: z
      .enum(["0", "1", "true", "false"], { message: "S3_FORCE_PATH_STYLE must be 0, 1, true or false" })
      .optional(),
    S3_PREFIX: z
      .string()
      .regex(
        /^[A-Za-z0-9._-]+(\/[A-Za-z0-9._-]+)*\/?$/,
        "S3_PREFIX must be a relative key prefix such as evidence/",
      )
      .refine(
        (p) => !p.split("/").some((s) => s === "." || s === ".."),
        "S3_PREFIX must be a relative key prefix such as evidence/",
      )
      .optional(),
    S3_DOWNLOAD: z
      .enum(["stream", "redirect"], { message: "S3_DOWNLOAD must be stream or redirect" })
      .default("stream"),
  })
  .superRefine((v, ctx) => {
    if (!v.S3_ACCESS_KEY_ID !== !v.S3_SECRET_ACCESS_KEY)
      ctx.addIssue({
        code: "custom",
        message:
          "S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY must be set together (or neither: the SDK's default chain)",
      });
  });

export type TS3Config = {
  bucket: string;
  endpoint?: string;
  region: string;
  credentials?: { accessKeyId: string; secretAccessKey: string };
  forcePathStyle: boolean;
  /** Empty or ending in "/". */
  prefix: string;
  download: "stream" | "redirect";
};

/**
 * The object store's settings, or null when S3_BUCKET is unset (then evidence stays in
 * uploadDir()). Another S3_* setting without S3_BUCKET is a mistake, not silently ignored.
 */
export function s3Config(env: Record<string, string | undefined> = process.env): TS3Config | null {
  const raw = Object.fromEntries(
    Object.entries(env).filter(([k, v]) => k.startsWith("S3_") && v !== undefined && v !== ""),
  );
  const parsed = ZS3.safeParse(raw);
  if (!parsed.success)
    throw new Error(`Invalid S3 settings: ${parsed.error.issues.map((i) => i.message).join("; ")}`);
  const v = parsed.data;
  if (!v.S3_BUCKET) {
    const stray = Object.keys(raw).filter((k) => k in ZS3.shape);
    if (stray.length) throw new Error(`Invalid S3 settings: ${stray.join(", ")} given without S3_BUCKET`);
    return null;
  }
  const prefix = v.S3_PREFIX ? v.S3_PREFIX.replace(/\/?$/, "/") : "";
  return {
    bucket: v.S3_BUCKET,
    endpoint: v.S3_ENDPOINT,
    region: v.S3_REGION,
    credentials:
      v.S3_ACCESS_KEY_ID && v.S3_SECRET_ACCESS_KEY
        ? { accessKeyId: v.S3_ACCESS_KEY_ID, secretAccessKey: v.S3_SECRET_ACCESS_KEY }
        : undefined,
    forcePathStyle: v.S3_FORCE_PATH_STYLE === "1" || v.S3_FORCE_PATH_STYLE === "true",
    prefix,
    download: v.S3_DOWNLOAD,
  };
}
