import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll } from "vitest";
import { startStallingProxy, type StallingProxy } from "../support/stalling-proxy";

export type BehindProxy = {
  proxy: StallingProxy;
  /** The stricter stand-in itself, not through the proxy. */
  strictEndpoint: string;
};

/**
 * For the test file that calls it: DATA_DIR a new temporary folder, and the SDK's endpoint
 * (read from the environment, as in production) moved from the stricter stand-in to a
 * stalling proxy in front of it for the file's tests, put back after. The fields are set
 * once the file's tests start.
 */
export function behindStallingProxy(dataDirPrefix: string): BehindProxy {
  const behind = {} as BehindProxy;
  beforeAll(async () => {
    process.env.DATA_DIR = mkdtempSync(join(tmpdir(), dataDirPrefix));
    behind.strictEndpoint = process.env.AWS_ENDPOINT_URL!;
    behind.proxy = await startStallingProxy(behind.strictEndpoint);
    process.env.AWS_ENDPOINT_URL = behind.proxy.endpoint;
  });
  afterAll(async () => {
    process.env.AWS_ENDPOINT_URL = behind.strictEndpoint;
    await behind.proxy.close();
  });
  return behind;
}
