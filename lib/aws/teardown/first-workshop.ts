import "server-only";
import type { KindName, LedgerKindName } from "./kind";
import { bucket } from "./kinds/bucket";
import { detector } from "./kinds/detector";
import { mfaDevice } from "./kinds/mfa-device";
import { trail } from "./kinds/trail";
import { teardownStep } from "./step";

/**
 * The first workshop's teardown: the kinds it makes and removes, in removal order (a trail
 * before the bucket it writes to). The one list: its kind names, ledger kinds and the
 * schemas of refs and ledger entries (schemas.ts) all come from it. When workshops become
 * folders, this file moves into the first workshop's folder; the engine takes the list.
 */
export const FIRST_WORKSHOP_KINDS = [trail, bucket, detector, mfaDevice] as const;

export type FirstWorkshopKind = KindName<typeof FIRST_WORKSHOP_KINDS>;
/** The kinds the first workshop records in the ledger ("trail" | "bucket" | "detector"). */
export type FirstWorkshopLedgerKind = LedgerKindName<typeof FIRST_WORKSHOP_KINDS>;

/** Step 10 on the checklist: the ledger and the current Region. */
export const teardown = teardownStep(FIRST_WORKSHOP_KINDS, "known");
/** Step 10 at the end of the teardown page: looked for everywhere. */
export const teardownEverywhere = teardownStep(FIRST_WORKSHOP_KINDS, "full");
