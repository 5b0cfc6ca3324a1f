import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from "node:http";

/** Reading a request, passing it on to moto unchanged, and writing moto's answer back. */

export async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

export type Answer = { status: number; headers: Record<string, string>; body: Buffer };

/** The request as it came (signature headers included), sent to moto; its answer, read whole. */
export async function forwardToMoto(
  moto: string,
  req: { method?: string; url?: string; headers: IncomingHttpHeaders },
  body: Buffer,
): Promise<Answer> {
  const headers = new Headers();
  for (const [k, v] of Object.entries(req.headers)) {
    if (v === undefined || k === "host" || k === "content-length" || k === "connection") continue;
    headers.set(k, Array.isArray(v) ? v.join(", ") : v);
  }
  const method = req.method ?? "GET";
  const upstream = await fetch(`${moto}${req.url ?? "/"}`, {
    method,
    headers,
    body: method === "GET" || method === "HEAD" ? undefined : new Uint8Array(body),
  });
  const answer: Answer = { status: upstream.status, headers: {}, body: Buffer.from(await upstream.arrayBuffer()) };
  // fetch has already decoded and de-chunked the body.
  upstream.headers.forEach((v, k) => {
    // Hop-by-hop headers stay on moto's hop: its "Connection: close" would cost every client a
    // new connection per request, which AWS's endpoints do not ask for.
    if (!["content-encoding", "transfer-encoding", "content-length", "connection", "keep-alive"].includes(k)) answer.headers[k] = v;
  });
  return answer;
}

export function reply(res: ServerResponse, answer: Answer): void {
  res.writeHead(answer.status, answer.headers);
  res.end(answer.body);
}
