import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { afterAll, describe, expect, it } from "vitest";
import { sha256OfStream } from "./hash";
import { LocalStore } from "./local-store";

const root = fs.mkdtempSync(path.join(os.tmpdir(), "utt-local-store-"));
const store = new LocalStore(root);
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

async function text(key: string): Promise<string | null> {
  const obj = await store.get(key);
  if (!obj) return null;
  const chunks: Buffer[] = [];
  for await (const c of obj.stream) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

describe("LocalStore", () => {
  it("keeps the folder layout: key ab/cd is the file <root>/ab/cd", async () => {
    await store.put("ab/cd", Buffer.from("证据"), { size: 6, contentType: "text/plain" });
    expect(fs.readFileSync(path.join(root, "ab", "cd"), "utf8")).toBe("证据");
    expect(await store.head("ab/cd")).toEqual({ size: 6 });
    expect(await text("ab/cd")).toBe("证据");
  });

  it("stores a stream, and a failed stream leaves neither the object nor a temporary file", async () => {
    await store.put("s/ok", Readable.from([Buffer.from("a"), Buffer.from("b")]), {
      size: 2,
      contentType: "x/y",
    });
    expect(await text("s/ok")).toBe("ab");
    const failing = new Readable({
      read() {
        this.push(Buffer.from("partial"));
        this.destroy(new Error("client went away"));
      },
    });
    await expect(store.put("s/bad", failing, { size: 99, contentType: "x/y" })).rejects.toThrow(
      "client went away",
    );
    expect(await store.head("s/bad")).toBeNull();
    expect(fs.readdirSync(path.join(root, "s"))).toEqual(["ok"]);
  });

  it("answers null for missing objects and deletes idempotently", async () => {
    expect(await store.get("no/such")).toBeNull();
    expect(await store.head("no/such")).toBeNull();
    await store.put("d/x", Buffer.from("x"), { size: 1, contentType: "x/y" });
    await store.delete("d/x");
    await store.delete("d/x");
    expect(await store.head("d/x")).toBeNull();
  });

  it("lists files under a prefix with their sizes, never temporary files", async () => {
    fs.writeFileSync(path.join(root, "ab", "cd.123.tmp"), "half");
    const all: Record<string, number> = {};
    for await (const o of store.list()) all[o.key] = o.size;
    expect(all).toEqual({ "ab/cd": 6, "s/ok": 2 });
    const ab: string[] = [];
    for await (const o of store.list("ab/")) ab.push(o.key);
    expect(ab).toEqual(["ab/cd"]);
  });

  it("refuses keys that could leave the folder", async () => {
    for (const key of ["../x", "a/../../x", "/etc/passwd", "a//b", "a/./b", "", "a\\b"])
      await expect(store.head(key), key).rejects.toThrow("bad object key");
  });

  it("sha256OfStream hashes what a stream yields", async () => {
    const out = await sha256OfStream(Readable.from([Buffer.from("ab"), Buffer.from("c")]));
    // sha256("abc"), the FIPS 180-2 test vector
    expect(out).toEqual({
      sha256: "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
      size: 3,
    });
  });
});
