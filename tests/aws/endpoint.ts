import { inject } from "vitest";

/**
 * One of the run's moto_servers, spread by process id: VITEST_POOL_ID is not a reliable
 * worker slot when projects run in groups (every file saw 1), so it cannot pick one.
 */
export function motoEndpoint(): string {
  const endpoints = inject("motoEndpoints");
  return endpoints[process.pid % endpoints.length];
}
