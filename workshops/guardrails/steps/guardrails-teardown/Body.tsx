"use client";

import { TeardownCardBody } from "@/components/steps/TeardownCardBody";

/** The clean-up step on the checklist: the budget and analyzer Hajime made that are left, and the way to the teardown page. */
export const GuardrailsTeardownBody = () => <TeardownCardBody id="guardrails-teardown" />;
