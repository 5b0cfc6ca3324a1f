import "server-only";

// Step 10's server side lives with the rest of teardown (lib/aws/teardown/), which its check
// shares with the teardown pages; the workshop finds it here like any other step's.
export { teardown } from "@/lib/aws/teardown/first-workshop";
