/**
 * Step 7's verdict on a trail, as plain data and pure rules: the server decides with it and
 * the card explains with it. Browser-safe (no SDK).
 */

/** Which management events a trail records, from its event selectors (classic or advanced). */
export type ManagementEvents = {
  read: boolean;
  write: boolean;
  /** Event sources left out (classic ExcludeManagementEventSources, advanced eventSource NotEquals). */
  excludedSources: string[];
  /** Advanced selectors limited to these event sources (eventSource Equals). */
  onlySources: string[];
};

/** What the card shows about each trail: names and regions, never ARNs. */
export type TrailView = {
  name: string;
  homeRegion: string;
  multiRegion: boolean;
  organization: boolean;
  /** An organization trail that another account (the organization's management account) owns. */
  fromOrganization: boolean;
  /** null when CloudTrail would not say (an organization trail seen from a member account). */
  logging: boolean | null;
  /** The management events it records; null when not asked (one-Region trail) or not readable. */
  management: ManagementEvents | null;
  bucket: string;
  hajime: boolean;
};

/** All read and write management events, nothing left out: what Security Hub CloudTrail.1 asks. */
export function recordsAllManagementEvents(m: ManagementEvents | null | undefined): boolean {
  return Boolean(m && m.read && m.write && m.excludedSources.length === 0 && m.onlySources.length === 0);
}

/**
 * Step 7's rule, Security Hub CloudTrail.1's and Prowler's
 * cloudtrail_multi_region_enabled_logging_management_events: a multi-Region trail that is
 * logging and records read and write management events, none left out. An organization
 * trail seen from a member account counts too when the member cannot read its status or
 * selectors (the management account runs it; a member can neither see nor change them),
 * but not when what it can read says it falls short.
 * https://docs.aws.amazon.com/securityhub/latest/userguide/cloudtrail-controls.html#cloudtrail-1
 * https://docs.aws.amazon.com/config/latest/developerguide/multi-region-cloudtrail-enabled.html
 */
export function recordsEveryRegion(t: TrailView): boolean {
  if (!t.multiRegion) return false;
  const logging = t.logging === true || (t.fromOrganization && t.logging === null);
  const management = recordsAllManagementEvents(t.management) || (t.fromOrganization && t.management === null);
  return logging && management;
}
