import { beforeAll, inject } from "vitest";
import { resetMoto } from "../support/moto";

// The SDK clients in lib/aws pick the endpoint up from the environment, as in production.
const endpoint = inject("motoEndpoint");
process.env.AWS_ENDPOINT_URL = endpoint;

// Every test works in an account of its own (tests/aws/attendee.ts), so tests cannot see
// each other's state; wiping moto between files (about 2 s a reset) keeps its memory flat.
beforeAll(async () => {
  await resetMoto(endpoint);
});
