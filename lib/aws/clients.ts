import "server-only";
import { CloudTrailClient } from "@aws-sdk/client-cloudtrail";
import { GuardDutyClient } from "@aws-sdk/client-guardduty";
import { IAMClient } from "@aws-sdk/client-iam";
import { S3Client } from "@aws-sdk/client-s3";
import { STSClient } from "@aws-sdk/client-sts";
import { NodeHttpHandler } from "@smithy/node-http-handler";
import { Agent as HttpAgent } from "node:http";
import { Agent as HttpsAgent } from "node:https";
import type { AwsKeys } from "@/lib/credentials/vault";
import { detached } from "@/lib/lifecycle";
import { envInt } from "@/lib/limits/config";
import { AWS_DEADLINES, HTTP_TIMEOUTS } from "./deadlines";
import { tagOperation, type ActionNaming } from "./errors";

/**
 * SDK clients for one attendee, built from their in-memory keys. The endpoint comes from
 * AWS_ENDPOINT_URL when set (moto_server for rehearsals and tests): the SDK reads it itself.
 *
 * Every call made through an `Aws` has a deadline (lib/aws/deadlines.ts): its own, retries
 * included, and, when the Aws was made for one server action (`budgetMs`), the action's.
 */

export type AwsTarget = {
  keys: AwsKeys;
  region: string;
  accountId: string;
  partition?: string;
};

export type Aws = {
  readonly region: string;
  readonly accountId: string;
  readonly partition: string;
  readonly iam: IAMClient;
  readonly sts: STSClient;
  readonly s3: S3Client;
  readonly cloudtrail: CloudTrailClient;
  readonly guardduty: GuardDutyClient;
  /**
   * A client for a service the core does not name (a workshop's own: see
   * workshops/guardrails/clients.ts), made once per set of keys and Region and bounded by
   * the same deadlines as the rest. `iamPrefix` (and `actions`) name a denied action ("budgets:ModifyBudget").
   */
  service<T extends Sendable>(spec: ServiceSpec<T>): T;
  /** S3 client for a bucket that lives in another region than the session's. */
  s3In(region: string): S3Client;
  /** CloudTrail client for a trail's home region (trails are managed from there). */
  cloudtrailIn(region: string): CloudTrailClient;
  /** GuardDuty client for another region (detectors are regional). */
  guarddutyIn(region: string): GuardDutyClient;
  /** When every call through this Aws must be done (epoch ms); none: each call's own deadline only. */
  readonly deadline?: number;
  /** One object per set of keys: what caches key on, so that nothing crosses credentials. */
  readonly credentialScope: object;
};

/** Thrown (and used as the abort reason) when a call passes its deadline. */
export class AwsDeadlineExceeded extends Error {
  constructor() {
    super("AWS did not answer in time");
    this.name = "AwsDeadlineExceeded";
  }
}

/**
 * One keep-alive socket pool for every attendee's clients: sockets carry no credentials
 * (each request is signed on its own), and reusing them saves a TLS handshake per call.
 * Sized for a room: every attendee's IAM calls go to one host (iam.amazonaws.com), and a
 * "check all" makes several at once. With 300 ms per request a room of 100 still queued
 * behind 64 sockets per host (p95 501 ms); 256 measured as no cap at all (404 vs 391 ms),
 * with room for 300 attendees (bench/room/README.md). The total over every host is capped
 * so that nothing can open sockets without bound. Idle sockets are kept (as many as may be
 * busy) and closed after 15 s unused, before AWS's own idle cut-off.
 */
export const AGENT_LIMITS = {
  maxSocketsPerHost: envInt("HAJIME_AWS_MAX_SOCKETS", 256),
  maxTotalSockets: envInt("HAJIME_AWS_MAX_TOTAL_SOCKETS", 1_024),
  idleSocketMs: 15_000,
};

function agentOptions() {
  return {
    keepAlive: true,
    maxSockets: AGENT_LIMITS.maxSocketsPerHost,
    maxTotalSockets: AGENT_LIMITS.maxTotalSockets,
    maxFreeSockets: AGENT_LIMITS.maxSocketsPerHost,
    // For free sockets: an idle keep-alive socket is closed after this long.
    timeout: AGENT_LIMITS.idleSocketMs,
    scheduling: "lifo" as const,
  };
}

const HANDLER_KEY = Symbol.for("hajime.aws.requestHandler.v2");
const g = globalThis as unknown as Record<symbol, NodeHttpHandler | undefined>;
const requestHandler: NodeHttpHandler = (g[HANDLER_KEY] ??= detached(() => new NodeHttpHandler({
  httpAgent: new HttpAgent(agentOptions()),
  httpsAgent: new HttpsAgent(agentOptions()),
  connectionTimeout: HTTP_TIMEOUTS.connectMs,
  // Socket idle time while a request waits: without it the SDK waits 5 minutes.
  socketTimeout: HTTP_TIMEOUTS.socketIdleMs,
  // One attempt's whole time; an error, not a warning (4.x only warns unless told).
  requestTimeout: AWS_DEADLINES.callMs,
  throwOnRequestTimeout: true,
})));

/**
 * The SDK clients of one set of keys, made on first use and kept while the keys are used:
 * making a client costs far more CPU than a call (config files read, middleware assembled),
 * and every server action used to make its own. Keyed by the keys object itself, so a
 * session that ends takes its clients with it, and no two sets of keys ever share a client.
 * A set unused for IDLE_CLIENTS_MS lets its clients go (about 25 KB each); the next action
 * makes them again.
 */
type ClientSet = { clients: Map<string, unknown>; usedAt: number };
export const IDLE_CLIENTS_MS = 2 * 60_000;
type ClientStore = { sets: WeakMap<AwsKeys, ClientSet>; all: Set<WeakRef<ClientSet>>; sweeper?: NodeJS.Timeout };
const CLIENTS_KEY = Symbol.for("hajime.aws.clientSets");
const gc = globalThis as unknown as Record<symbol, ClientStore | undefined>;
const clientStore: ClientStore = (gc[CLIENTS_KEY] ??= { sets: new WeakMap(), all: new Set() });

function clientSet(keys: AwsKeys): ClientSet {
  let set = clientStore.sets.get(keys);
  if (!set) {
    clientStore.sets.set(keys, (set = { clients: new Map(), usedAt: Date.now() }));
    clientStore.all.add(new WeakRef(set));
    // Made outside any request (lib/lifecycle.ts), once per process.
    clientStore.sweeper ??= detached(() => setInterval(releaseIdleClients, 30_000).unref());
  }
  set.usedAt = Date.now();
  return set;
}

/** Lets idle sets' clients go; forgets sets whose keys are gone. */
export function releaseIdleClients(now = Date.now()): void {
  for (const ref of clientStore.all) {
    const set = ref.deref();
    if (!set) clientStore.all.delete(ref);
    else if (now - set.usedAt > IDLE_CLIENTS_MS) set.clients.clear();
  }
}

function baseConfig(keys: AwsKeys, region: string) {
  return {
    region,
    credentials: {
      accessKeyId: keys.accessKeyId,
      secretAccessKey: keys.secretAccessKey,
      sessionToken: keys.sessionToken,
    },
    maxAttempts: 5,
    retryMode: "standard" as const,
    requestHandler,
  };
}

export type Sendable = { send: (...args: never[]) => Promise<unknown>; middlewareStack: { add: (...a: never[]) => void } };

function instrument<T extends Sendable>(client: T, naming?: ActionNaming): T {
  tagOperation(client as never, naming);
  return client;
}

/** What ServiceSpec.make receives: Region, credentials, retries and the shared HTTP handler. */
export type ServiceConfig = ReturnType<typeof baseConfig>;

export type ServiceSpec<T> = {
  /** Names the client among this set's workshop clients (with its Region): unique per service. */
  key: string;
  /** The service's prefix in IAM actions. */
  iamPrefix: string;
  /** IAM action names that differ from the API's operation names (S3 Control, Budgets). */
  actions?: Readonly<Record<string, string>>;
  /** The session's Region unless given (a global service's endpoint Region, say). */
  region?: string;
  make: (config: ServiceConfig) => T;
};

/**
 * Runs one call with an AbortSignal that fires at its deadline: the earlier of its own
 * (AWS_DEADLINES.callMs) and the action's. The SDK's retry loop and the HTTP handler both
 * honour the signal (the socket is destroyed); the caller is answered at the deadline
 * whatever the SDK is doing.
 */
export function withDeadline<T>(deadline: number | undefined, call: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const ms = Math.min(AWS_DEADLINES.callMs, (deadline ?? Infinity) - Date.now());
  if (ms <= 0) return Promise.reject(new AwsDeadlineExceeded());
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const error = new AwsDeadlineExceeded();
      reject(error);
      controller.abort(error);
    }, ms);
  });
  let running: Promise<T>;
  try {
    running = call(controller.signal);
  } catch (error) {
    clearTimeout(timer);
    return Promise.reject(error);
  }
  return Promise.race([running, expired]).finally(() => clearTimeout(timer));
}

/**
 * The client as this Aws lends it: the shared client with `send` bounded by the deadline.
 * Paginators take it too (it is an instance of the client's class through its prototype).
 *
 * The SDK's work runs outside the request (lib/lifecycle.ts `detached`): a kept client
 * memoizes promises (credentials, endpoint, region) and pools sockets, and each of those,
 * made inside a request, would keep that request's whole context (Next's stores: headers,
 * cookies, the render) alive for as long as the session. The caller's own context is back
 * after the await, as always.
 */
function bounded<T extends Sendable>(client: T, deadline: number | undefined): T {
  const facade = Object.create(client) as T;
  const sendOutside = client.send as (c: unknown, o: unknown) => Promise<unknown>;
  const send = (command: unknown, options?: Record<string, unknown>) =>
    withDeadline(deadline, (abortSignal) => detached(() => sendOutside.call(client, command, { ...options, abortSignal })));
  Object.defineProperty(facade, "send", { value: send, writable: true, configurable: true });
  return facade;
}

export type CreateAwsOptions = {
  /** This Aws serves one server action: all its calls together get this long (AWS_DEADLINES). */
  budgetMs?: number;
};

export function createAws(target: AwsTarget, options: CreateAwsOptions = {}): Aws {
  const endpointOverride = Boolean(process.env.AWS_ENDPOINT_URL || process.env.AWS_ENDPOINT_URL_S3);
  const shared = clientSet(target.keys);
  const kept = shared.clients;
  const deadline = options.budgetMs === undefined ? undefined : Date.now() + options.budgetMs;
  const lent = new Map<string, unknown>();
  const client = <T extends Sendable>(key: string, make: () => T, keep = true, naming?: ActionNaming): T => {
    let facade = lent.get(key) as T | undefined;
    if (!facade) {
      let real = kept.get(key) as T | undefined;
      if (!real) {
        real = detached(() => instrument(make(), naming));
        if (keep) kept.set(key, real);
      }
      lent.set(key, (facade = bounded(real, deadline)));
    }
    return facade;
  };
  const s3In = (region: string) =>
    client(`s3:${region}`, () => new S3Client({ ...baseConfig(target.keys, region), forcePathStyle: endpointOverride }));
  const cloudtrailIn = (region: string) => client(`cloudtrail:${region}`, () => new CloudTrailClient(baseConfig(target.keys, region)));
  const guarddutyIn = (region: string) => client(`guardduty:${region}`, () => new GuardDutyClient(baseConfig(target.keys, region)));
  return {
    region: target.region,
    accountId: target.accountId,
    partition: target.partition ?? "aws",
    deadline,
    credentialScope: shared,
    // IAM is global; its endpoint is in us-east-1.
    get iam() {
      return client("iam", () => new IAMClient(baseConfig(target.keys, "us-east-1")));
    },
    // Only sign-in asks STS, once: not kept.
    get sts() {
      return client("sts", () => new STSClient(baseConfig(target.keys, target.region)), false);
    },
    get s3() {
      return s3In(target.region);
    },
    get cloudtrail() {
      return cloudtrailIn(target.region);
    },
    get guardduty() {
      return guarddutyIn(target.region);
    },
    service<T extends Sendable>({ key, iamPrefix, actions, region = target.region, make }: ServiceSpec<T>): T {
      return client(`service:${key}:${region}`, () => make(baseConfig(target.keys, region)), true, { iamPrefix, actions });
    },
    s3In,
    cloudtrailIn,
    guarddutyIn,
  };
}
