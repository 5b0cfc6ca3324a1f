import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import { AssumeRoleCommand, STSClient } from "@aws-sdk/client-sts";

/**
 * A real moto_server for tests: started on a free port with AWS's managed policies loaded.
 * Each test attendee gets its own account through sts:AssumeRole (see shared/TESTING.md).
 */

export type Moto = { endpoint: string; port: number; stop: () => Promise<void> };

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const address = srv.address();
      srv.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

export async function startMoto(opts: { managedPolicies?: boolean } = {}): Promise<Moto> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = { ...process.env, MOTO_IAM_LOAD_MANAGED_POLICIES: opts.managedPolicies === false ? "false" : "true" };
  delete env.MOTO_ACCOUNT_ID;
  const child: ChildProcess = spawn("moto_server", ["-H", "127.0.0.1", "-p", String(port)], {
    env,
    stdio: ["ignore", "ignore", "pipe"],
    detached: false,
  });
  let stderr = "";
  child.stderr?.on("data", (d) => {
    stderr = (stderr + String(d)).slice(-4000);
  });
  const endpoint = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`moto_server exited (${child.exitCode}): ${stderr}`);
    try {
      const res = await fetch(`${endpoint}/moto-api/`);
      if (res.ok) break;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`moto_server did not start on ${endpoint}: ${stderr}`);
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  return {
    endpoint,
    port,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
        setTimeout(() => child.kill("SIGKILL"), 3000).unref();
      }),
  };
}

/** Forgets every account's state (moto's own reset); managed policies load again on use. */
export async function resetMoto(endpoint: string): Promise<void> {
  const res = await fetch(`${endpoint}/moto-api/reset`, { method: "POST" });
  if (!res.ok) throw new Error(`moto reset failed: ${res.status}`);
}

export type AttendeeKeys = {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
  expiration: Date;
  accountId: string;
};

/** What CloudShell's `aws configure export-credentials --format env` prints. */
export function envPaste(keys: Omit<AttendeeKeys, "accountId">): string {
  return [
    `export AWS_ACCESS_KEY_ID=${keys.accessKeyId}`,
    `export AWS_SECRET_ACCESS_KEY=${keys.secretAccessKey}`,
    `export AWS_SESSION_TOKEN=${keys.sessionToken}`,
    `export AWS_CREDENTIAL_EXPIRATION=${keys.expiration.toISOString()}`,
  ].join("\n");
}

let counter = 0;

/** A fresh 12-digit account id, unique within this process run. */
export function newAccountId(): string {
  counter += 1;
  const base = 200000000000 + ((Date.now() % 1_000_000) * 1000 + process.pid * 7 + counter * 104729) % 700000000000;
  return String(base).padStart(12, "0").slice(0, 12);
}

/** Short-lived credentials acting in their own moto account, as a real attendee's would. */
export async function newAttendee(endpoint: string, accountId = newAccountId()): Promise<AttendeeKeys> {
  const sts = new STSClient({
    region: "us-east-1",
    endpoint,
    credentials: { accessKeyId: "AKIAIOSFODNN7EXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY" },
  });
  const out = await sts.send(
    new AssumeRoleCommand({
      RoleArn: `arn:aws:iam::${accountId}:role/workshop-attendee`,
      RoleSessionName: "hajime-test",
      DurationSeconds: 3600,
    }),
  );
  const c = out.Credentials!;
  return {
    accessKeyId: c.AccessKeyId!,
    secretAccessKey: c.SecretAccessKey!,
    sessionToken: c.SessionToken!,
    expiration: c.Expiration!,
    accountId,
  };
}
