import http from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { appendPeerAddress, installForwardedFor } from "./forwarded-for";
import { clientIp } from "./request-meta";

const headers = (h: Record<string, string>) => new Headers(h);

describe("the client address", () => {
  it("is the peer the server appended; a forged X-Forwarded-For is ignored without a trusted proxy", () => {
    const req = { headers: { "x-forwarded-for": "6.6.6.6" }, socket: { remoteAddress: "::ffff:10.0.0.7" } };
    appendPeerAddress(req as never);
    expect(req.headers["x-forwarded-for"]).toBe("6.6.6.6, ::ffff:10.0.0.7");
    delete process.env.TRUSTED_PROXY_HOPS;
    expect(clientIp(headers(req.headers))).toBe("10.0.0.7");
  });

  it("behind one trusted proxy, is the address that proxy appended", () => {
    process.env.TRUSTED_PROXY_HOPS = "1";
    try {
      // forged by the client, appended by nginx, appended by this server (nginx's own address)
      expect(clientIp(headers({ "x-forwarded-for": "6.6.6.6, 203.0.113.9, 127.0.0.1" }))).toBe("203.0.113.9");
    } finally {
      delete process.env.TRUSTED_PROXY_HOPS;
    }
  });

  it("a real HTTP server with the hook sees the socket's address last", async () => {
    installForwardedFor();
    const server = http.createServer((req, res) => res.end(String(req.headers["x-forwarded-for"])));
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    try {
      const { port } = server.address() as AddressInfo;
      const res = await fetch(`http://127.0.0.1:${port}/`, { headers: { "x-forwarded-for": "6.6.6.6" } });
      const chain = await res.text();
      expect(chain).toBe("6.6.6.6, 127.0.0.1");
      expect(clientIp(headers({ "x-forwarded-for": chain }))).toBe("127.0.0.1");
    } finally {
      server.close();
    }
  });
});
