import { notFound } from "next/navigation";

// Read at request time: the hook exists only in a server started with it.
export const dynamic = "force-dynamic";

/**
 * Test hook, off unless the server runs with HAJIME_E2E_HOOKS=1 (the e2e server does): a page
 * that throws while rendering, so the browser tests can see and scan error.tsx. A 404 otherwise.
 */
export default function ThrowingPage() {
  if (process.env.HAJIME_E2E_HOOKS !== "1") notFound();
  throw new Error("e2e hook: a page that throws while rendering");
}
