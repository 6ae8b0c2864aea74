import { createServer, type ServerResponse } from "node:http";

// A credentials endpoint the test can break: it passes requests to the emulator's
// /credentials/<RoleName>, or answers 500, or never answers, as `mode` says.
type ProxyMode = "pass" | "fail" | "hang";

export interface CredentialsProxy {
  uri: string;
  mode: ProxyMode;
  requests: number;
  close(): Promise<void>;
}

export async function startCredentialsProxy(target: string): Promise<CredentialsProxy> {
  const hanging: ServerResponse[] = [];
  const proxy: CredentialsProxy = { uri: "", mode: "pass", requests: 0, close: async () => {} };
  const server = createServer(async (_req, res) => {
    proxy.requests++;
    if (proxy.mode === "hang") return void hanging.push(res);
    if (proxy.mode === "fail") return void res.writeHead(500, { "content-type": "application/json" }).end('{"Code":"InternalError","Message":"credentials service unavailable"}');
    const upstream = await fetch(target);
    res.writeHead(upstream.status, { "content-type": "application/json" }).end(await upstream.text());
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const addr = server.address();
  proxy.uri = `http://127.0.0.1:${typeof addr === "object" && addr ? addr.port : 0}/credentials`;
  proxy.close = () =>
    new Promise((resolve) => {
      for (const r of hanging) r.destroy();
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return proxy;
}
