import { afterAll, beforeAll, inject } from "vitest";
import { resetMoto } from "../support/moto";
import { leaseMoto } from "./moto-lease";

// This file's moto_server, held for this file alone; the SDK clients in lib/aws pick the
// endpoint up from the environment, as in production.
const lease = await leaseMoto(inject("motoEndpoints"));
process.env.AWS_ENDPOINT_URL = lease.endpoint;

// Every test works in an account of its own (tests/aws/attendee.ts), so tests cannot see
// each other's state; each file also starts from an empty moto, which keeps its memory
// flat. (A reset costs moto about 2 s once it holds accounts: per test it added 90 s.)
beforeAll(async () => {
  await resetMoto(lease.endpoint);
});

afterAll(() => lease.release());
