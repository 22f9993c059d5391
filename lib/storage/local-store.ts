import fs from "node:fs";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { assertObjectKey, type ObjectStore, type TObjectBody, type TStoredObject } from "./object-store";

const TMP = /\.tmp$/;

/**
 * Objects as files under `root`, key = relative path (the layout evidence always had:
 * <root>/<sha[0..2]>/<sha>, thumbnails beside as <sha>.thumb.webp), so existing folders keep working.
 * Writes go to a temporary file renamed into place: a reader never sees half a file.
 */
export class LocalStore implements ObjectStore {
  readonly kind = "local" as const;
  constructor(readonly root: string) {}

  private file(key: string): string {
    assertObjectKey(key);
    return path.join(this.root, key);
  }

  // The type is not kept: downloads take it from the row.
  async put(key: string, body: TObjectBody, _meta?: { size: number; contentType: string }): Promise<void> {
    const file = this.file(key);
    await fs.promises.mkdir(path.dirname(file), { recursive: true });
    const tmp = `${file}.${process.pid}.${Date.now()}.${Math.random().toString(36).slice(2)}.tmp`;
    try {
      if (Buffer.isBuffer(body)) await fs.promises.writeFile(tmp, body, { mode: 0o600 });
      else await pipeline(body, fs.createWriteStream(tmp, { mode: 0o600 }));
      await fs.promises.rename(tmp, file);
    } catch (e) {
      await fs.promises.rm(tmp, { force: true });
      throw e;
    }
  }

  async get(key: string): Promise<TStoredObject | null> {
    const file = this.file(key);
    try {
      const handle = await fs.promises.open(file, "r");
      const { size } = await handle.stat();
      return { stream: handle.createReadStream(), size };
    } catch (e) {
      if (isMissing(e)) return null;
      throw e;
    }
  }

  async head(key: string): Promise<{ size: number } | null> {
    try {
      const st = await fs.promises.stat(this.file(key));
      return st.isFile() ? { size: st.size } : null;
    } catch (e) {
      if (isMissing(e)) return null;
      throw e;
    }
  }

  async delete(key: string): Promise<void> {
    await fs.promises.rm(this.file(key), { force: true });
  }

  async *list(prefix = ""): AsyncIterable<{ key: string; size: number }> {
    if (!fs.existsSync(this.root)) return;
    for await (const key of walk(this.root, "")) {
      if (!key.startsWith(prefix) || TMP.test(key)) continue;
      const st = await fs.promises.stat(path.join(this.root, key)).catch(() => null);
      if (st?.isFile()) yield { key, size: st.size };
    }
  }
}

async function* walk(root: string, rel: string): AsyncIterable<string> {
  const entries = await fs.promises.readdir(path.join(root, rel), { withFileTypes: true });
  for (const e of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    const key = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory()) yield* walk(root, key);
    else if (e.isFile()) yield key;
  }
}

function isMissing(e: unknown): boolean {
  const code = (e as NodeJS.ErrnoException | null)?.code;
  return code === "ENOENT" || code === "ENOTDIR";
}
