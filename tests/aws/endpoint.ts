import { inject } from "vitest";

/** This worker's own moto_server (VITEST_POOL_ID is 1..workers). */
export function motoEndpoint(): string {
  const endpoints = inject("motoEndpoints");
  const id = Number(process.env.VITEST_POOL_ID ?? "1");
  return endpoints[(id - 1) % endpoints.length];
}
