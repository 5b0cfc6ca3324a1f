export const SHUTDOWN_HOOKS: unique symbol;
export function runShutdownHooks(): Promise<void>;
