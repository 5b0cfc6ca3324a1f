/**
 * For the browser tests only: moto's EnableMFADevice accepts any two codes, where AWS
 * checks them against the device's seed. This server stands in front of moto for IAM
 * (AWS_ENDPOINT_URL_IAM) and passes every request through unchanged, remembering the seed
 * of each virtual MFA device moto creates; for EnableMFADevice ALONE it first checks the
 * two codes as AWS does (two consecutive TOTP codes of that seed, around now) and answers
 * AWS's InvalidAuthenticationCode error when they are not.
 *
 * Run: tsx tests/e2e/support/iam-mfa-codes-mock.ts (PORT, MOTO_ENDPOINT from the env).
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { generate } from "otplib";

const port = Number(process.env.PORT);
const moto = process.env.MOTO_ENDPOINT;
if (!port || !moto) throw new Error("PORT and MOTO_ENDPOINT must be set");

const seeds = new Map<string, string>(); // serial number → Base32 seed

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

function headersOf(req: IncomingMessage): Headers {
  const h = new Headers();
  for (const [k, v] of Object.entries(req.headers)) {
    if (v === undefined || k === "host" || k === "content-length" || k === "connection") continue;
    h.set(k, Array.isArray(v) ? v.join(", ") : v);
  }
  return h;
}

const tag = (xml: string, name: string) => new RegExp(`<${name}>([^<]*)</${name}>`).exec(xml)?.[1];

/** AWS accepts two consecutive codes from a small window around its own clock. */
async function codesValid(seed: string, code1: string, code2: string): Promise<boolean> {
  const now = Math.floor(Date.now() / 1000);
  for (let step = -4; step <= 2; step++) {
    const epoch = now + step * 30;
    if ((await generate({ secret: seed, epoch })) === code1 && (await generate({ secret: seed, epoch: epoch + 30 })) === code2) return true;
  }
  return false;
}

function invalidCode(res: ServerResponse, serial: string) {
  res.writeHead(403, { "content-type": "text/xml" });
  res.end(
    `<ErrorResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/"><Error><Type>Sender</Type>` +
      `<Code>InvalidAuthenticationCode</Code><Message>Authentication code for device is not valid.</Message>` +
      `</Error><RequestId>${serial.length}-mock</RequestId></ErrorResponse>`,
  );
}

createServer(async (req, res) => {
  try {
    const body = await readBody(req);
    const form = new URLSearchParams(body.toString("utf8"));
    const action = form.get("Action");
    if (action === "EnableMFADevice") {
      const serial = form.get("SerialNumber") ?? "";
      const seed = seeds.get(serial);
      if (seed && !(await codesValid(seed, form.get("AuthenticationCode1") ?? "", form.get("AuthenticationCode2") ?? ""))) {
        return invalidCode(res, serial);
      }
    }
    const upstream = await fetch(`${moto}${req.url}`, { method: req.method, headers: headersOf(req), body: body.length ? new Uint8Array(body) : undefined });
    const answer = Buffer.from(await upstream.arrayBuffer());
    if (action === "CreateVirtualMFADevice" && upstream.ok) {
      const xml = answer.toString("utf8");
      const serial = tag(xml, "SerialNumber");
      const seed = tag(xml, "Base32StringSeed");
      // The wire carries the Base32 text base64-encoded (a blob).
      if (serial && seed) seeds.set(serial, Buffer.from(seed, "base64").toString("utf8"));
    }
    const headers: Record<string, string> = {};
    upstream.headers.forEach((v, k) => {
      if (k !== "content-length" && k !== "transfer-encoding" && k !== "content-encoding") headers[k] = v;
    });
    res.writeHead(upstream.status, headers);
    res.end(answer);
  } catch (error) {
    res.writeHead(502, { "content-type": "text/plain" });
    res.end(String(error));
  }
}).listen(port, "127.0.0.1");
