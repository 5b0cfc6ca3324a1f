import type { TestProject } from "vitest/node";
import { startMoto, type Moto } from "../support/moto";

/** Test files run on this many workers; each worker has a moto_server of its own. */
export const AWS_TEST_WORKERS = 2;

let motos: Moto[] = [];

export async function setup(project: TestProject) {
  motos = await Promise.all(Array.from({ length: AWS_TEST_WORKERS }, () => startMoto({ managedPolicies: true })));
  project.provide(
    "motoEndpoints",
    motos.map((m) => m.endpoint),
  );
}

export async function teardown() {
  await Promise.all(motos.map((m) => m.stop()));
}

declare module "vitest" {
  export interface ProvidedContext {
    motoEndpoints: string[];
  }
}
