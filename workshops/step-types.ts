// Types only, read from the server steps (erased at build: nothing here reaches the browser).
import type { AnyStep, Step } from "@/lib/aws/step";
import type { accountSecurityServer } from "./account-security/server";
import type { guardrailsServer } from "./guardrails/server";
import type { StepId } from "./index";

type ServerSteps = typeof accountSecurityServer & typeof guardrailsServer;
type ServerStepOf<Id extends StepId> = Id extends keyof ServerSteps ? ServerSteps[Id] : AnyStep;

/** What step `Id`'s check reports as its detail (its server `Step<Detail, …>`). */
export type StepDetail<Id extends StepId> = ServerStepOf<Id> extends Step<infer Detail, infer _I, infer _O> ? Detail : unknown;

/** What a successful fix of step `Id` returns (its server `Step<…, Output>`). */
export type StepFixResult<Id extends StepId> = ServerStepOf<Id> extends Step<infer _D, infer _I, infer Output> ? Output : unknown;
