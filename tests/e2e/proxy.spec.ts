import { request } from "node:http";
import { join } from "node:path";
import { expect, test } from "@playwright/test";
import { STRICT_AWS_ENDPOINT } from "../../playwright.config";
import { startCluster, type Cluster } from "../support/cluster";

/**
 * The shipped HAProxy configuration (deploy/haproxy/hajime.cfg) in front of two instances, as
 * an organizer runs it for a big event: new visitors get a hajime_node cookie, the cookie
 * keeps them on one instance, and a dead instance's visitors go to the other.
 */

let cluster: Cluster;

test.beforeAll(async () => {
  test.setTimeout(180_000);
  cluster = await startCluster({
    awsEndpoint: STRICT_AWS_ENDPOINT,
    artifacts: join(process.env.E2E_ARTIFACTS ?? ".artifacts/e2e", `proxy-${process.pid}`),
  });
});

test.afterAll(async () => {
  await cluster?.stop();
});

/**
 * One request on a connection of its own, as a newcomer's browser makes it. (A connection kept
 * alive across an instance's death may be closed by HAProxy with it; browsers send the request
 * again on a new one, Node's fetch does not, which made this test flaky.)
 */
function visit(path: string, cookie?: string): Promise<{ status: number; node?: string; headers: Headers }> {
  return new Promise((resolve, reject) => {
    const req = request(`${cluster.url}${path}`, { agent: false, headers: cookie ? { cookie } : {} }, (res) => {
      res.resume();
      res.on("end", () => {
        const headers = new Headers();
        for (const [name, value] of Object.entries(res.headers)) {
          for (const v of Array.isArray(value) ? value : [value ?? ""]) headers.append(name, v);
        }
        resolve({ status: res.statusCode ?? 0, node: headers.get("set-cookie")?.match(/hajime_node=(node\d)/)?.[1], headers });
      });
    });
    req.on("error", reject);
    req.end();
  });
}

const requests = async () => Object.fromEntries(Object.entries(await cluster.proxyStates()).map(([name, s]) => [name, s.requests]));

test("new visitors get a node cookie; with it every request reaches that instance", async () => {
  const first = await visit("/ja");
  const second = await visit("/ja");
  expect(first.status).toBe(200);
  // leastconn with nothing open: the two newcomers land on different instances.
  expect([first.node, second.node].sort()).toEqual(["node1", "node2"]);
  expect(first.headers.get("set-cookie")).toMatch(/hajime_node=node\d; path=\/; HttpOnly/);

  const before = await requests();
  for (let i = 0; i < 6; i++) {
    const res = await visit(i % 2 ? "/en" : "/ja", "hajime_node=node2");
    expect(res.status).toBe(200);
    // `indirect`: a visitor already on its instance is not sent the cookie again.
    expect(res.node).toBeUndefined();
  }
  const after = await requests();
  expect(after.node2 - before.node2).toBe(6);
  expect(after.node1).toBe(before.node1);
});

test("the instances hear the scheme from the proxy, not from the client", async () => {
  // HAProxy replaces X-Forwarded-Proto; over plain HTTP the app must not answer as if HTTPS.
  const res = await fetch(`${cluster.url}/ja`, { headers: { "x-forwarded-proto": "https" } });
  expect(res.status).toBe(200);
  expect(res.headers.get("strict-transport-security")).toBeNull();
  expect(res.headers.get("set-cookie") ?? "").not.toMatch(/Secure/i);
});

test("an instance dies: its visitors reach the other one, with a new cookie", async () => {
  await cluster.instances[0].kill("SIGKILL");
  // Before and after the health checks have noticed: a refused connection is redispatched.
  const right = await visit("/ja", "hajime_node=node1");
  expect(right, `HAProxy's log:\n${cluster.proxyLog()}`).toMatchObject({ status: 200, node: "node2" });
  await expect.poll(async () => (await cluster.proxyStates()).node1.status).toBe("DOWN");
  expect(await visit("/ja", "hajime_node=node1")).toMatchObject({ status: 200, node: "node2" });
  expect(await visit("/api/health")).toMatchObject({ status: 200 });

  await cluster.instances[0].restart();
  await expect.poll(async () => (await cluster.proxyStates()).node1.status, { timeout: 30_000 }).toBe("UP");
  expect(await visit("/ja", "hajime_node=node1")).toMatchObject({ status: 200, node: undefined });
});
