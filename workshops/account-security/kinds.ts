import "server-only";
import type { KindName, LedgerKindName } from "@/lib/aws/teardown/kind";
import { bucket } from "@/lib/aws/teardown/kinds/bucket";
import { detector } from "@/lib/aws/teardown/kinds/detector";
import { mfaDevice } from "@/lib/aws/teardown/kinds/mfa-device";
import { trail } from "@/lib/aws/teardown/kinds/trail";

/**
 * This workshop's teardown: the kinds it makes and removes, in removal order (a trail
 * before the bucket it writes to). The one list: its kind names, ledger kinds and the
 * schemas of refs and ledger entries (lib/aws/teardown/schemas.ts) all come from it.
 */
export const FIRST_WORKSHOP_KINDS = [trail, bucket, detector, mfaDevice] as const;

export type FirstWorkshopKind = KindName<typeof FIRST_WORKSHOP_KINDS>;
/** The kinds the first workshop records in the ledger ("trail" | "bucket" | "detector"). */
export type FirstWorkshopLedgerKind = LedgerKindName<typeof FIRST_WORKSHOP_KINDS>;
