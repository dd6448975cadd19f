// A small HTTP proxy in front of one real kube-apiserver, with switches for the tests: stop (refuse
// connections), slow (delay every request), 429 with Retry-After, 500, and cut every open watch.
// It speaks plain HTTP on 127.0.0.1 to Meshpane and TLS (trusting the server's CA) upstream.
import fs from "node:fs";
import http from "node:http";
import https from "node:https";
import type { AddressInfo, Socket } from "node:net";

export type Fault = { kind: "none" } | { kind: "stop" } | { kind: "slow"; ms: number } | { kind: "status"; status: 429 | 500; retryAfterSeconds?: number; times?: number };

export interface FaultProxy {
  url: string;
  set(fault: Fault): void;
  /** Ends every watch connection that is open now (the client sees the stream close). */
  cutWatches(): void;
  /** Requests seen (`METHOD path?query` and when), for assertions such as "exactly one relist". */
  requests: { at: number; line: string }[];
  close(): Promise<void>;
}

export async function startFaultProxy(upstream: string, caFile: string): Promise<FaultProxy> {
  const agent = new https.Agent({ ca: fs.readFileSync(caFile), keepAlive: true });
  const target = new URL(upstream);
  let fault: Fault = { kind: "none" };
  const watches = new Set<http.ServerResponse>();
  const sockets = new Set<Socket>();
  const requests: { at: number; line: string }[] = [];

  const server = http.createServer((req, res) => {
    requests.push({ at: Date.now(), line: `${req.method} ${req.url}` });
    const f = fault;
    if (f.kind === "status") {
      if (f.times !== undefined && --f.times <= 0) fault = { kind: "none" };
      const headers: Record<string, string> = { "content-type": "application/json" };
      if (f.retryAfterSeconds !== undefined) headers["retry-after"] = String(f.retryAfterSeconds);
      res.writeHead(f.status, headers).end(JSON.stringify({ kind: "Status", apiVersion: "v1", status: "Failure", code: f.status, reason: f.status === 429 ? "TooManyRequests" : "InternalError", message: `fault proxy: ${f.status}` }));
      return;
    }
    const forward = () => {
      const upstreamReq = https.request({ host: target.hostname, port: target.port, path: req.url, method: req.method, headers: { ...req.headers, host: target.host }, agent }, (upstreamRes) => {
        res.writeHead(upstreamRes.statusCode ?? 502, upstreamRes.headers);
        // Node buffers headers until the first body byte; a quiet watch must still get its 200 at once.
        res.flushHeaders();
        if ((req.url ?? "").includes("watch=")) {
          watches.add(res);
          res.on("close", () => watches.delete(res));
        }
        upstreamRes.pipe(res);
        res.on("close", () => upstreamRes.destroy());
      });
      upstreamReq.on("error", () => res.destroy());
      req.pipe(upstreamReq);
    };
    if (f.kind === "slow") setTimeout(forward, f.ms);
    else forward();
  });
  server.on("connection", (socket) => {
    if (fault.kind === "stop") {
      socket.destroy();
      return;
    }
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;

  const cutWatches = () => {
    for (const res of watches) res.destroy();
    watches.clear();
  };
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    set(f) {
      fault = f;
      if (f.kind === "stop") {
        cutWatches();
        for (const s of sockets) s.destroy();
      }
    },
    cutWatches,
    async close() {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      agent.destroy();
    },
  };
}

/**
 * A kubeconfig file for Meshpane that goes through the proxy with the given bearer token. client-node
 * only accepts an http:// server when TLS verification is off; the proxy is loopback test plumbing,
 * and the hop behind it verifies the API server's certificate against its CA.
 */
export function proxyKubeconfig(file: string, context: string, proxyUrl: string, token: string): void {
  const yaml = `apiVersion: v1
kind: Config
clusters:
  - name: ${context}
    cluster: { server: "${proxyUrl}", insecure-skip-tls-verify: true }
users:
  - name: ${context}-user
    user: { token: "${token}" }
contexts:
  - name: ${context}
    context: { cluster: ${context}, user: ${context}-user }
current-context: ${context}
`;
  fs.writeFileSync(file, yaml, { mode: 0o600 });
}
