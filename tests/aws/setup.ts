import { afterAll, beforeAll, inject } from "vitest";
import { resetMoto } from "../support/moto";
import { startStrictAws } from "../support/strict-aws/server";
import { leaseMoto } from "./moto-lease";
import { setStrictAws } from "./strict";

// This file's moto_server, held for this file alone, behind the stricter AWS stand-in
// (tests/support/strict-aws): the SDK clients in lib/aws pick the endpoint up from the
// environment, as in production, and reach moto through the stand-in's rules.
const lease = await leaseMoto(inject("motoEndpoints"));
const strict = await startStrictAws({ moto: lease.endpoint });
setStrictAws(strict);
process.env.AWS_ENDPOINT_URL = strict.endpoint;

// Every test works in an account of its own (tests/aws/attendee.ts), so tests cannot see
// each other's state; each file also starts from an empty moto, which keeps its memory
// flat. (A reset costs moto about 2 s once it holds accounts: per test it added 90 s.)
beforeAll(async () => {
  await resetMoto(lease.endpoint);
});

afterAll(async () => {
  await strict.stop();
  lease.release();
});
