import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import S3rver from "s3rver";

export type TTestS3 = {
  endpoint: string;
  bucket: string;
  /** The S3_* settings that point the app at this server. */
  env: Record<string, string>;
  /** Sets `env` on process.env (S3_DOWNLOAD as given) and returns a function that removes them again. */
  apply: (download?: "stream" | "redirect") => () => void;
  close: () => Promise<void>;
};

const S3_KEYS = [
  "S3_BUCKET",
  "S3_ENDPOINT",
  "S3_REGION",
  "S3_ACCESS_KEY_ID",
  "S3_SECRET_ACCESS_KEY",
  "S3_FORCE_PATH_STYLE",
  "S3_PREFIX",
  "S3_DOWNLOAD",
];

/**
 * An S3-compatible server (s3rver, in this process) on a free loopback port, with its own temporary
 * folder and one bucket, removed again by close(). Nothing is downloaded: s3rver is an npm package.
 */
export async function startTestS3({ bucket = "utt-evidence", prefix = "" } = {}): Promise<TTestS3> {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), "utt-s3rver-"));
  const server = new S3rver({
    address: "127.0.0.1",
    port: 0,
    silent: true,
    directory,
    configureBuckets: [{ name: bucket }],
  });
  const { port } = await server.run();
  const endpoint = `http://127.0.0.1:${port}`;
  const env: Record<string, string> = {
    S3_BUCKET: bucket,
    S3_ENDPOINT: endpoint,
    S3_REGION: "us-east-1",
    S3_ACCESS_KEY_ID: "S3RVER",
    S3_SECRET_ACCESS_KEY: "S3RVER",
    S3_FORCE_PATH_STYLE: "1",
    ...(prefix ? { S3_PREFIX: prefix } : {}),
  };
  return {
    endpoint,
    bucket,
    env,
    apply(download = "stream") {
      const before = Object.fromEntries(S3_KEYS.map((k) => [k, process.env[k]]));
      Object.assign(process.env, env, { S3_DOWNLOAD: download });
      return () => {
        for (const k of S3_KEYS)
          if (before[k] === undefined) delete process.env[k];
          else process.env[k] = before[k];
      };
    },
    async close() {
      await server.close();
      fs.rmSync(directory, { recursive: true, force: true });
    },
  };
}
