import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { MotoReader } from "./moto";
import { forwardToMoto, readBody, reply, type Answer } from "./passthrough";
import { RULES } from "./rules";
import type { AccountOptions, Ctx, Identity, Rule, RuleName, Settings } from "./types";
import { json, parseCall, xmlTag, type Call } from "./wire";

/**
 * The stricter AWS stand-in: an HTTP server in front of moto_server that passes every
 * request to moto unchanged, except where one of its rules (rules/*.ts) enforces a
 * documented AWS behaviour moto lacks, each rule naming the AWS page it comes from.
 *
 * Used in-process by the aws tests (tests/aws/setup.ts) and as a process by the browser
 * tests (cli.ts). Rules can be switched per account (every test attendee has an account of
 * its own): in-process with `configure`, from another process with
 * `POST /__strict-aws/accounts/<account id>` and the same JSON.
 */
export type StrictAws = {
  endpoint: string;
  configure(account: string, options: AccountOptions): void;
  settings: Settings;
  stop(): Promise<void>;
};

export const DEFAULT_SETTINGS: Settings = { consistencyWindowMs: 1_500, bucketNameReuseMs: 60_000 };

export async function startStrictAws(opts: { moto: string; port?: number; host?: string; settings?: Partial<Settings> }): Promise<StrictAws> {
  const moto = new MotoReader(opts.moto);
  const settings: Settings = { ...DEFAULT_SETTINGS, ...opts.settings };
  const accounts = new Map<string, AccountOptions>();
  const identities = new Map<string, Identity>();
  const ruleState = new Map<RuleName, unknown>();

  const identity = async (call: Pick<Call, "accessKeyId">): Promise<Identity> => {
    const known = identities.get(call.accessKeyId);
    if (known) return known;
    const answer = await moto.query(call, "sts", "GetCallerIdentity");
    const text = answer.body.toString("utf8");
    const found = { account: xmlTag(text, "Account") ?? "123456789012", arn: xmlTag(text, "Arn") ?? "" };
    identities.set(call.accessKeyId, found);
    return found;
  };

  const ctxFor = (rule: Rule): Ctx => ({
    moto,
    settings,
    identity,
    registerIdentity: (key, id) => identities.set(key, id),
    options: (account) => accounts.get(account) ?? {},
    state: <T>(make: () => T): T => {
      if (!ruleState.has(rule.name)) ruleState.set(rule.name, make());
      return ruleState.get(rule.name) as T;
    },
    now: () => Date.now(),
  });
  const contexts = new Map(RULES.map((r) => [r.name, ctxFor(r)]));

  const enabled = (rule: Rule, account: string) => accounts.get(account)?.rules?.[rule.name] ?? rule.defaultOn;

  async function handle(call: Call | undefined, forward: () => Promise<Answer>): Promise<Answer> {
    if (!call) return forward();
    const candidates = RULES.filter((r) => r.applies(call, contexts.get(r.name)!));
    if (candidates.length === 0) return forward();
    const { account } = await identity(call);
    const active = candidates.filter((r) => enabled(r, account));
    for (const rule of active) {
      const answer = await rule.before?.(call, contexts.get(rule.name)!);
      if (answer) return answer;
    }
    let answer = await forward();
    for (const rule of active) answer = (await rule.after?.(call, answer, contexts.get(rule.name)!)) ?? answer;
    return answer;
  }

  const server: Server = createServer(async (req, res) => {
    try {
      const body = await readBody(req);
      const control = /^\/__strict-aws\/accounts\/(\d{12})$/.exec(req.url ?? "");
      if (control && req.method === "POST") {
        accounts.set(control[1], JSON.parse(body.toString("utf8") || "{}"));
        return reply(res, json(200, { ok: true }));
      }
      if (req.url === "/__strict-aws/rules") {
        return reply(res, json(200, RULES.map(({ name, doc, defaultOn }) => ({ name, doc, defaultOn }))));
      }
      reply(res, await handle(parseCall(req, body), () => forwardToMoto(opts.moto, req, body)));
    } catch (error) {
      reply(res, json(500, { __type: "InternalFailure", message: `strict-aws: ${String(error)}` }));
    }
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve) => server.listen(opts.port ?? 0, opts.host ?? "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    endpoint: `http://127.0.0.1:${port}`,
    configure: (account, options) => accounts.set(account, options),
    settings,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
