import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';

import { REPO_ROOT } from './local-services';

const run = promisify(execFile);

/**
 * `buf curl`: an off-the-shelf gRPC client that knows nothing of our .proto files and learns the API
 * through server reflection, as an external case system's developer would.
 */
export async function bufCurl(args: string[]): Promise<{ exitCode: number; output: string }> {
  try {
    const { stdout } = await run(join(REPO_ROOT, 'node_modules', '.bin', 'buf'), ['curl', '--protocol', 'grpc', '--http2-prior-knowledge', ...args], { timeout: 30_000 });
    return { exitCode: 0, output: stdout };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { exitCode: failed.code ?? 1, output: `${failed.stdout ?? ''}${failed.stderr ?? ''}` };
  }
}
