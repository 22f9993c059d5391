import { afterEach, describe, expect, it } from "vitest";
import { getEnv } from "./env";

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
