import { afterEach, describe, expect, it } from "vitest";
import { getEnv, s3Config } from "./env";

describe("s3Config", () => {
  it("is null without S3_BUCKET: evidence stays in the local folder", () => {
    expect(s3Config({})).toBeNull();
    expect(s3Config({ S3_BUCKET: "", UPLOAD_DIR: "/x" })).toBeNull();
  });

  it("reads a full setting, normalising the prefix and the path-style flag", () => {
    expect(
      s3Config({
        S3_BUCKET: "utt-evidence",
        S3_ENDPOINT: "http://127.0.0.1:9000",
        S3_REGION: "cn-north-1",
        S3_ACCESS_KEY_ID: "AK",
        S3_SECRET_ACCESS_KEY: "SK",
        S3_FORCE_PATH_STYLE: "true",
        S3_PREFIX: "prod/evidence",
        S3_DOWNLOAD: "redirect",
      }),
    ).toEqual({
      bucket: "utt-evidence",
      endpoint: "http://127.0.0.1:9000",
      region: "cn-north-1",
      credentials: { accessKeyId: "AK", secretAccessKey: "SK" },
      forcePathStyle: true,
      prefix: "prod/evidence/",
      download: "redirect",
    });
  });

  it("defaults: us-east-1, virtual-hosted style, no prefix, the SDK's credential chain, streamed downloads", () => {
    expect(s3Config({ S3_BUCKET: "bucket" })).toEqual({
      bucket: "bucket",
      endpoint: undefined,
      region: "us-east-1",
      credentials: undefined,
      forcePathStyle: false,
      prefix: "",
      download: "stream",
    });
    expect(s3Config({ S3_BUCKET: "bucket", S3_FORCE_PATH_STYLE: "0" })?.forcePathStyle).toBe(false);
    expect(s3Config({ S3_BUCKET: "bucket", S3_FORCE_PATH_STYLE: "1" })?.forcePathStyle).toBe(true);
    expect(s3Config({ S3_BUCKET: "bucket", S3_PREFIX: "a/" })?.prefix).toBe("a/");
  });

  it.each([
    [{ S3_BUCKET: "ab" }, "S3_BUCKET must be a bucket name"],
    [{ S3_BUCKET: "Upper_Case" }, "S3_BUCKET must be a bucket name"],
    [{ S3_BUCKET: "bucket", S3_ENDPOINT: "not a url" }, "S3_ENDPOINT must be a URL"],
    [{ S3_BUCKET: "bucket", S3_FORCE_PATH_STYLE: "yes" }, "S3_FORCE_PATH_STYLE must be 0, 1, true or false"],
    [{ S3_BUCKET: "bucket", S3_DOWNLOAD: "proxy" }, "S3_DOWNLOAD must be stream or redirect"],
    [{ S3_BUCKET: "bucket", S3_PREFIX: "../up" }, "S3_PREFIX must be a relative key prefix"],
    [{ S3_BUCKET: "bucket", S3_PREFIX: "/abs" }, "S3_PREFIX must be a relative key prefix"],
    [{ S3_BUCKET: "bucket", S3_ACCESS_KEY_ID: "AK" }, "must be set together"],
    [{ S3_BUCKET: "bucket", S3_SECRET_ACCESS_KEY: "SK" }, "must be set together"],
    [{ S3_ENDPOINT: "http://127.0.0.1:9000" }, "S3_ENDPOINT given without S3_BUCKET"],
    [{ S3_DOWNLOAD: "redirect" }, "S3_DOWNLOAD given without S3_BUCKET"],
  ])("refuses %o with a clear message", (env, message) => {
    expect(() => s3Config(env)).toThrow(message);
  });
});

const saved = { JOBS_DISABLED: process.env.JOBS_DISABLED, JOBS_SCHEMA: process.env.JOBS_SCHEMA };
afterEach(() => {
  for (const [k, v] of Object.entries(saved))
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
});

describe("the jobs settings", () => {
  it("reads JOBS_DISABLED as 0/1/true/false, default off", () => {
    delete process.env.JOBS_DISABLED;
    expect(getEnv().JOBS_DISABLED).toBe(false);
    for (const [v, on] of [
      ["1", true],
      ["true", true],
      ["0", false],
      ["false", false],
      ["", false],
    ] as const) {
      process.env.JOBS_DISABLED = v;
      expect(getEnv().JOBS_DISABLED, v).toBe(on);
    }
    process.env.JOBS_DISABLED = "yes";
    expect(() => getEnv()).toThrow(/JOBS_DISABLED/);
  });

  it("takes JOBS_SCHEMA as a plain lower-case identifier, default pgboss", () => {
    delete process.env.JOBS_SCHEMA;
    expect(getEnv().JOBS_SCHEMA).toBe("pgboss");
    process.env.JOBS_SCHEMA = "utt_jobs";
    expect(getEnv().JOBS_SCHEMA).toBe("utt_jobs");
    for (const bad of ["Jobs", "a-b", "x;drop", "1abc"]) {
      process.env.JOBS_SCHEMA = bad;
      expect(() => getEnv(), bad).toThrow(/JOBS_SCHEMA/);
    }
  });
});
