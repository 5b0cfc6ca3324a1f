export const SHUTDOWN_HOOKS: unique symbol;
export const HOOK_TIMEOUT_MS: number;
export function runShutdownHooks(timeoutMs?: number): Promise<void>;
