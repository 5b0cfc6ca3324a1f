import type { TestProject } from "vitest/node";
import { startMoto, type Moto } from "../support/moto";

let moto: Moto | undefined;

export async function setup(project: TestProject) {
  moto = await startMoto({ managedPolicies: true });
  project.provide("motoEndpoint", moto.endpoint);
}

export async function teardown() {
  await moto?.stop();
}

declare module "vitest" {
  export interface ProvidedContext {
    motoEndpoint: string;
  }
}
