/**
 * The stricter AWS stand-in as a process, for the browser tests and for rehearsals:
 *   PORT=5001 MOTO_ENDPOINT=http://127.0.0.1:5000 node --import tsx tests/support/strict-aws/cli.ts
 * then point Hajime at it with AWS_ENDPOINT_URL=http://127.0.0.1:5001.
 */
import { startStrictAws } from "./server";

const port = Number(process.env.PORT);
const moto = process.env.MOTO_ENDPOINT;
if (!port || !moto) throw new Error("PORT and MOTO_ENDPOINT must be set");
// The package is CommonJS, so no top-level await: the promise keeps the process alive anyway.
startStrictAws({ moto, port }).catch((error) => {
  console.error(error);
  process.exit(1);
});
