/**
 * For the browser tests and bench/abuse only: moto answers sts:GetCallerIdentity for any
 * access key, mapping keys it never issued to its default account 123456789012, where AWS
 * refuses them ("The security token included in the request is invalid":
 * InvalidClientTokenId, HTTP 403; https://docs.aws.amazon.com/STS/latest/APIReference/CommonErrors.html).
 * This server stands in front of moto for STS (AWS_ENDPOINT_URL_STS) and passes every
 * request through unchanged, but turns that default-account answer to GetCallerIdentity
 * ALONE into AWS's refusal, so made-up credentials fail sign-in as they would on AWS.
 * (Test attendees never use account 123456789012: each gets its own through AssumeRole.)
 *
 * Run: tsx tests/e2e/support/sts-unknown-keys-mock.ts (PORT, MOTO_ENDPOINT from the env).
 */
import { createServer } from "node:http";
import { forwardToMoto, readBody, reply } from "./moto-passthrough";

const port = Number(process.env.PORT);
const moto = process.env.MOTO_ENDPOINT;
if (!port || !moto) throw new Error("PORT and MOTO_ENDPOINT must be set");

const MOTO_DEFAULT_ACCOUNT = "123456789012";

createServer(async (req, res) => {
  try {
    const body = await readBody(req);
    const action = new URLSearchParams(body.toString("utf8")).get("Action");
    const answer = await forwardToMoto(moto!, req, body);
    if (action === "GetCallerIdentity" && answer.status === 200 && answer.body.toString("utf8").includes(`<Account>${MOTO_DEFAULT_ACCOUNT}</Account>`)) {
      res.writeHead(403, { "content-type": "text/xml" });
      res.end(
        `<ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><Error><Type>Sender</Type>` +
          `<Code>InvalidClientTokenId</Code><Message>The security token included in the request is invalid.</Message>` +
          `</Error><RequestId>sts-unknown-keys-mock</RequestId></ErrorResponse>`,
      );
      return;
    }
    reply(res, answer);
  } catch (error) {
    res.writeHead(502, { "content-type": "text/plain" });
    res.end(String(error));
  }
}).listen(port, "127.0.0.1");
