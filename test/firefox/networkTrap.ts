import { createServer } from "node:http";

/**
 * A local HTTP proxy that Firefox is told to send all its traffic through, and that refuses
 * everything. The test pages never reach it (the test answers them inside the browser, see
 * site.ts), so whatever arrives here is a request that left the browser: from the extension's
 * background page, its pages, or Firefox itself. Page-level interception cannot see those; a proxy
 * sees them all, plain http and https (CONNECT) alike.
 */
export interface NetworkTrap {
  port: number;
  /** Every request that reached the proxy: an absolute URL, or `CONNECT host:port` for https. */
  caught: string[];
  close(): Promise<void>;
}

export async function startNetworkTrap(): Promise<NetworkTrap> {
  const caught: string[] = [];
  const server = createServer((req, res) => {
    caught.push(req.url ?? "");
    res.writeHead(403).end("shengao firefox test: no network");
  });
  server.on("connect", (req, socket) => {
    caught.push(`CONNECT ${req.url}`);
    socket.end("HTTP/1.1 403 Forbidden\r\n\r\n");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return {
    port,
    caught,
    close: () =>
      new Promise((resolve) => {
        // Firefox may hold keep-alive connections open; do not wait for it to let go
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
