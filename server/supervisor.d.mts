export function exitReason(code: number | null, signal: NodeJS.Signals | null, stderrTail?: string): string;
export function restartDelay(n: number): number;
export function supervise(opts: {
  command: string;
  args: string[];
  env: NodeJS.ProcessEnv;
  cwd: string;
  pidFile?: string;
  log?: (line: string) => void;
  onOutput?: (chunk: Buffer) => void;
}): void;
