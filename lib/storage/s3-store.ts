import { Readable } from "node:stream";
import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  S3Client,
  S3ServiceException,
} from "@aws-sdk/client-s3";
import { Upload } from "@aws-sdk/lib-storage";
import { getSignedUrl } from "@aws-sdk/s3-request-presigner";
import type { TS3Config } from "@/lib/env";
import {
  assertObjectKey,
  type ObjectStore,
  type TObjectBody,
  type TPresignOptions,
  type TStoredObject,
} from "./object-store";

/**
 * Objects in an S3-compatible bucket under S3_PREFIX. Puts stream through lib-storage's Upload
 * (multipart past 5 MiB, so a body is never held whole); gets stream the response body.
 */
export class S3Store implements ObjectStore {
  readonly kind = "s3" as const;
  readonly client: S3Client;
  constructor(private readonly config: TS3Config) {
    this.client = new S3Client({
      region: config.region,
      endpoint: config.endpoint,
      forcePathStyle: config.forcePathStyle,
      credentials: config.credentials,
    });
  }

  private key(key: string): string {
    assertObjectKey(key);
    return this.config.prefix + key;
  }

  async put(key: string, body: TObjectBody, meta: { size: number; contentType: string }): Promise<void> {
    await new Upload({
      client: this.client,
      params: {
        Bucket: this.config.bucket,
        Key: this.key(key),
        Body: body,
        ContentType: meta.contentType,
        ContentLength: meta.size,
      },
      leavePartsOnError: false,
    }).done();
  }

  async get(key: string): Promise<TStoredObject | null> {
    try {
      const out = await this.client.send(
        new GetObjectCommand({ Bucket: this.config.bucket, Key: this.key(key) }),
      );
      if (!(out.Body instanceof Readable)) throw new Error("S3 GetObject returned no stream");
      return { stream: out.Body, size: out.ContentLength ?? 0 };
    } catch (e) {
      if (isNotFound(e)) return null;
      throw e;
    }
  }

  async head(key: string): Promise<{ size: number } | null> {
    try {
      const out = await this.client.send(
        new HeadObjectCommand({ Bucket: this.config.bucket, Key: this.key(key) }),
      );
      return { size: out.ContentLength ?? 0 };
    } catch (e) {
      if (isNotFound(e)) return null;
      throw e;
    }
  }

  async delete(key: string): Promise<void> {
    await this.client.send(new DeleteObjectCommand({ Bucket: this.config.bucket, Key: this.key(key) }));
  }

  async *list(prefix = ""): AsyncIterable<{ key: string; size: number }> {
    let token: string | undefined;
    do {
      const out = await this.client.send(
        new ListObjectsV2Command({
          Bucket: this.config.bucket,
          Prefix: this.config.prefix + prefix,
          ContinuationToken: token,
        }),
      );
      for (const o of out.Contents ?? [])
        if (o.Key) yield { key: o.Key.slice(this.config.prefix.length), size: o.Size ?? 0 };
      token = out.IsTruncated ? out.NextContinuationToken : undefined;
    } while (token);
  }

  async presignGet(key: string, opts: TPresignOptions): Promise<string> {
    const cmd = new GetObjectCommand({
      Bucket: this.config.bucket,
      Key: this.key(key),
      ResponseContentDisposition: opts.contentDisposition,
      ResponseContentType: opts.contentType,
    });
    return getSignedUrl(this.client, cmd, { expiresIn: opts.expiresIn });
  }
}

function isNotFound(e: unknown): boolean {
  if (!(e instanceof S3ServiceException)) return false;
  return e.name === "NoSuchKey" || e.name === "NotFound" || e.$metadata?.httpStatusCode === 404;
}
