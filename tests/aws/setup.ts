import { beforeAll } from "vitest";
import { resetMoto } from "../support/moto";
import { motoEndpoint } from "./endpoint";

// The SDK clients in lib/aws pick the endpoint up from the environment, as in production.
const endpoint = motoEndpoint();
process.env.AWS_ENDPOINT_URL = endpoint;

// Every test works in an account of its own (tests/aws/attendee.ts), so tests cannot see
// each other's state; wiping this worker's moto between files keeps its memory flat.
beforeAll(async () => {
  await resetMoto(endpoint);
});
