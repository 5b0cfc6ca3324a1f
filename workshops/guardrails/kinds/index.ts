import "server-only";
import { analyzerKind } from "./analyzer";
import { budgetKind } from "./budget";
import { blockPublicAccessKind, ebsEncryptionKind } from "./kept-settings";

/** What this workshop's teardown knows: what it made (removed) and what it keeps on purpose. */
export const GUARDRAILS_KINDS = [budgetKind, analyzerKind, blockPublicAccessKind, ebsEncryptionKind] as const;
