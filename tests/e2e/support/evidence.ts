import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import type { Page, Request, Response } from "@playwright/test";

/** Every representation of a secret we would count as a leak. */
export function leakForms(secret: string): string[] {
  return [secret, encodeURIComponent(secret), Buffer.from(secret).toString("base64"), JSON.stringify(secret).slice(1, -1)];
}

export function containsAny(haystack: Buffer | string, secrets: string[]): string | undefined {
  const buf = typeof haystack === "string" ? Buffer.from(haystack) : haystack;
  for (const s of secrets) for (const form of leakForms(s)) if (buf.includes(form)) return s;
  return undefined;
}

/** Records every response body and request body the browser exchanges with the app. */
export function recordTraffic(page: Page) {
  const responses: { url: string; body: Buffer; headers: string }[] = [];
  const requests: { url: string; body: Buffer }[] = [];
  const pending: Promise<void>[] = [];
  page.on("request", (req: Request) => {
    const body = req.postDataBuffer();
    if (body) requests.push({ url: req.url(), body });
  });
  page.on("response", (res: Response) => {
    pending.push(
      (async () => {
        const headers = JSON.stringify(await res.allHeaders());
        let body: Buffer = Buffer.alloc(0);
        try {
          body = await res.body();
        } catch {
          // redirects and aborted event streams have no body to read
        }
        responses.push({ url: res.url(), body, headers });
      })(),
    );
  });
  return {
    responses,
    requests,
    settle: () => Promise.all(pending),
  };
}

/** Every file under a folder, as bytes (SQLite files, WAL, keys, anything). */
export function filesUnder(dir: string): { path: string; bytes: Buffer }[] {
  const out: { path: string; bytes: Buffer }[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      const st = statSync(p);
      if (st.isDirectory()) walk(p);
      else out.push({ path: p, bytes: readFileSync(p) });
    }
  };
  walk(dir);
  return out;
}
