export function serverNodeOptions(existing?: string): string;
