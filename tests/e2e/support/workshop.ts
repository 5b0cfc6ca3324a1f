import { CreateAccessKeyCommand, CreateUserCommand } from "@aws-sdk/client-iam";
import { GetSessionTokenCommand, STSClient } from "@aws-sdk/client-sts";
import { expect, type Locator, type Page } from "@playwright/test";
import jsQR from "jsqr";
import { generate } from "otplib";
import { PNG } from "pngjs";
import { messages } from "@/messages";
import type { AttendeeKeys } from "../../support/moto";
import { iamFor } from "./aws";

export type Locale = "ja" | "en";

/** A message as the page shows it: simple {placeholders} filled in (no plurals). */
export function msg(locale: Locale, key: string, vars: Record<string, string | number> = {}): string {
  let value: unknown = messages[locale];
  for (const part of key.split(".")) value = (value as Record<string, unknown>)[part];
  if (typeof value !== "string") throw new Error(`no message ${key}`);
  return value.replace(/\{(\w+)\}/g, (_m, name: string) => String(vars[name] ?? `{${name}}`));
}

/** Reads the MFA QR code off the page as a phone camera would: from pixels, polling until drawn. */
export async function readMfaQr(canvas: Locator): Promise<string> {
  let text: string | undefined;
  await expect
    .poll(
      async () => {
        const png = PNG.sync.read(await canvas.screenshot());
        text = jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data;
        return text ?? "";
      },
      { timeout: 15_000 },
    )
    .toMatch(/^otpauth:\/\//);
  return text!;
}

/** Two consecutive codes, as the authenticator app shows them 30 seconds apart. */
export async function phoneCodes(secret: string): Promise<[string, string]> {
  const now = Math.floor(Date.now() / 1000);
  return [await generate({ secret, epoch: now }), await generate({ secret, epoch: now + 30 })];
}

/**
 * Holds every server action the page sends until `release`, so that a state that lasts a
 * moment (a fix in progress, a teardown under way) can be looked at.
 */
export async function holdServerActions(page: Page): Promise<{ release: () => Promise<void> }> {
  let open!: () => void;
  const gate = new Promise<void>((resolve) => (open = resolve));
  const handler = async (route: Parameters<Parameters<Page["route"]>[1]>[0]) => {
    const req = route.request();
    if (req.method() === "POST" && req.headers()["next-action"]) await gate;
    await route.continue().catch(() => undefined);
  };
  await page.route("**/*", handler);
  return {
    release: async () => {
      open();
      // The held requests go on; a route the page has dropped meanwhile is no error.
      await page.unrouteAll({ behavior: "ignoreErrors" });
    },
  };
}

/**
 * `aws sts get-session-token` credentials without MFA, answered as AWS does by the stricter
 * stand-in: IAM refuses them, so the IAM cards cannot be checked (a failed state to look at).
 * They belong to a new IAM user `name` of the attendee's account.
 */
export async function sessionTokenPaste(keys: AttendeeKeys, name = `cli-${Math.floor(Math.random() * 1e6)}`): Promise<string> {
  const iam = iamFor(keys);
  await iam.send(new CreateUserCommand({ UserName: name }));
  const key = (await iam.send(new CreateAccessKeyCommand({ UserName: name }))).AccessKey!;
  const sts = new STSClient({
    region: "us-east-1",
    endpoint: `http://127.0.0.1:${process.env.E2E_STRICT_AWS_PORT}`,
    credentials: { accessKeyId: key.AccessKeyId!, secretAccessKey: key.SecretAccessKey! },
  });
  const out = await sts.send(new GetSessionTokenCommand({ DurationSeconds: 3600 }));
  return JSON.stringify({ Credentials: { ...out.Credentials, Expiration: out.Credentials!.Expiration!.toISOString() } }, null, 4);
}
