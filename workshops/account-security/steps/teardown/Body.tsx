"use client";

import { TeardownCardBody } from "@/components/steps/TeardownCardBody";

/** The clean-up step on the checklist: what of Hajime's is left, and the way to the teardown page. */
export const TeardownBody = () => <TeardownCardBody id="teardown" />;
