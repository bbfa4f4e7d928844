import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import { join } from 'node:path';

import { REPO_ROOT, httpBase, serviceEnv, type LocalEnvironment, type LocalService } from './local-services';
import { eventually } from './eventually';

/** A service running as its own OS process from the compiled build, as it runs in a pod. */
export class ServiceProcess {
  private child: ChildProcess | undefined;
  private exited: Promise<number | null> | undefined;

  public constructor(
    public readonly service: LocalService,
    private readonly env: LocalEnvironment,
    private readonly overrides: Record<string, string> = {},
    private readonly logDir = join(REPO_ROOT, '.local', 'logs'),
  ) {}

  public get pid(): number | undefined {
    return this.child?.pid;
  }

  public async start(): Promise<void> {
    mkdirSync(this.logDir, { recursive: true });
    const log = createWriteStream(join(this.logDir, `${this.service.name}.log`), { flags: 'a' });
    const child = spawn(process.execPath, ['--enable-source-maps', join(REPO_ROOT, 'dist', 'apps', this.service.name, 'src', 'main.js')], {
      cwd: REPO_ROOT,
      env: { PATH: process.env['PATH'] ?? '', TZ: 'UTC', ...serviceEnv(this.service, this.env, this.overrides) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout?.pipe(log);
    child.stderr?.pipe(log);
    this.child = child;
    this.exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
    await this.waitUntilReady();
  }

  public async waitUntilReady(timeoutMs = 60_000): Promise<void> {
    const url = `${httpBase(this.service, this.env)}/health/ready`;
    await eventually(
      async () => {
        if (this.child?.exitCode !== null && this.child?.exitCode !== undefined) {
          throw new Error(`${this.service.name} exited with code ${this.child.exitCode}; see .local/logs/${this.service.name}.log`);
        }
        const response = await fetch(url);
        if (!response.ok) throw new Error(`${this.service.name} not ready: ${response.status} ${await response.text()}`);
      },
      { timeoutMs, intervalMs: 200 },
    );
  }

  /** SIGTERM and wait for a graceful exit; returns the exit code. */
  public async stop(): Promise<number | null> {
    if (!this.child || this.child.exitCode !== null) return this.child?.exitCode ?? null;
    this.child.kill('SIGTERM');
    return this.exited!;
  }

  /** SIGKILL: the process dies mid-work, with nothing flushed or committed. */
  public async kill(): Promise<void> {
    if (!this.child || this.child.exitCode !== null) return;
    this.child.kill('SIGKILL');
    await this.exited;
  }
}
