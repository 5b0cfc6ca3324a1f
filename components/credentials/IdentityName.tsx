"use client";

import { useTranslations } from "next-intl";
import type { MaskedIdentity } from "@/lib/credentials/identity";

/** "IAM ユーザー · alice": who the credentials are, as the banner and the join form say it. */
export function useIdentityLabel(): (identity: MaskedIdentity) => string {
  const t = useTranslations("credentials");
  return (identity) => `${t(`kind.${identity.kind}`)} · ${identity.name}`;
}
