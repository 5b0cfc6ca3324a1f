import { motoEndpoint } from "./endpoint";

// The SDK clients in lib/aws pick the endpoint up from the environment, as in production.
// Every test works in an account of its own (tests/aws/attendee.ts), so tests cannot see
// each other's state, and workers may share a moto_server without resetting it.
process.env.AWS_ENDPOINT_URL = motoEndpoint();
