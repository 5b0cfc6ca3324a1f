import type { TestProject } from "vitest/node";
import { rmSync } from "node:fs";
import { startMoto, type Moto } from "../support/moto";
import { leaseDir } from "./moto-lease";

/** Test files run on this many workers; each file leases a moto_server (setup.ts). */
export const AWS_TEST_WORKERS = 2;

let motos: Moto[] = [];

export async function setup(project: TestProject) {
  motos = await Promise.all(Array.from({ length: AWS_TEST_WORKERS }, () => startMoto({ managedPolicies: true })));
  // A lease left by an earlier run on a port reused now would otherwise look held.
  for (const m of motos) rmSync(leaseDir(m.endpoint), { recursive: true, force: true });
  project.provide(
    "motoEndpoints",
    motos.map((m) => m.endpoint),
  );
}

export async function teardown() {
  for (const m of motos) rmSync(leaseDir(m.endpoint), { recursive: true, force: true });
  await Promise.all(motos.map((m) => m.stop()));
}

declare module "vitest" {
  export interface ProvidedContext {
    motoEndpoints: string[];
  }
}
