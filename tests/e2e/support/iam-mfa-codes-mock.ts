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
import { createServer, type ServerResponse } from "node:http";
import { generate } from "otplib";
import { forwardToMoto, readBody, reply } from "./moto-passthrough";

const port = Number(process.env.PORT);
const moto = process.env.MOTO_ENDPOINT;
if (!port || !moto) throw new Error("PORT and MOTO_ENDPOINT must be set");

const seeds = new Map<string, string>(); // serial number → Base32 seed

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
      `</Error><RequestId>mfa-codes-mock</RequestId></ErrorResponse>`,
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
    const answer = await forwardToMoto(moto!, req, body);
    if (action === "CreateVirtualMFADevice" && answer.status === 200) {
      const xml = answer.body.toString("utf8");
      const serial = tag(xml, "SerialNumber");
      const seed = tag(xml, "Base32StringSeed");
      // The wire carries the Base32 text base64-encoded (a blob).
      if (serial && seed) seeds.set(serial, Buffer.from(seed, "base64").toString("utf8"));
    }
    reply(res, answer);
  } catch (error) {
    res.writeHead(502, { "content-type": "text/plain" });
    res.end(String(error));
  }
}).listen(port, "127.0.0.1");
