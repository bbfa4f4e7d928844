export function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}

/** Exponential backoff with full jitter, capped. */
export function backoffMs(attempt: number, baseMs: number, capMs = 10_000): number {
  return Math.round(Math.random() * Math.min(capMs, baseMs * 2 ** (attempt - 1)));
}

/** Errors of the database connection itself, and of contention (serialization, deadlock, lock timeout): retrying later helps, parking the message does not. */
export function isInfrastructureError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && (code.startsWith('08') || code.startsWith('57P') || code === '40001' || code === '40P01' || code === '55P03' || code === 'ECONNREFUSED' || code === 'ECONNRESET')) {
    return true;
  }
  const message = error instanceof Error ? error.message : '';
  return /Connection terminated|ECONNREFUSED|timeout exceeded when trying to connect/i.test(message);
}
