import http from "node:http";

// `next start` keeps a client-supplied X-Forwarded-For as it is and only fills the header in when it is
// missing (base-server: `x-forwarded-for ??= socket.remoteAddress`), so without this anyone could
// claim any source address and walk around the per-source sign-in limits. Every request therefore
// gets the peer's address appended, as a proxy would: the header becomes a real chain whose last
// entry is the direct peer, and clientIp() counts TRUSTED_PROXY_HOPS from the right of it.

const INSTALLED = Symbol.for("utt.forwardedFor");

/** Appends the TCP peer's address to the request's X-Forwarded-For. */
export function appendPeerAddress(req: Pick<http.IncomingMessage, "headers" | "socket">): void {
  const peer = req.socket?.remoteAddress;
  if (!peer) return;
  const prior = req.headers["x-forwarded-for"];
  const chain = Array.isArray(prior) ? prior.join(", ") : prior;
  req.headers["x-forwarded-for"] = chain ? `${chain}, ${peer}` : peer;
}

/** Once per process (instrumentation.ts): every HTTP server of the process appends the peer. */
export function installForwardedFor(): void {
  const proto = http.Server.prototype as unknown as {
    emit: (event: string | symbol, ...args: unknown[]) => boolean;
    [INSTALLED]?: boolean;
  };
  if (proto[INSTALLED]) return;
  proto[INSTALLED] = true;
  const emit = proto.emit;
  proto.emit = function (this: http.Server, event: string | symbol, ...args: unknown[]) {
    if (event === "request") appendPeerAddress(args[0] as http.IncomingMessage);
    return emit.call(this, event, ...args);
  };
}
