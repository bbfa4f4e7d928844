// Compiles every app, lib and tool to dist/ with SWC: decorator metadata for Nest, and the tsconfig
// path aliases rewritten to relative requires, so `node dist/apps/<svc>/src/main.js` runs as is.
// Type checking is a separate step (tsc --noEmit); this only transpiles, in about a second.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const { compilerOptions } = JSON.parse(readFileSync(join(root, 'tsconfig.base.json'), 'utf8'));
const out = join(root, 'dist');
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const swcrc = join(out, '.swcrc');
writeFileSync(
  swcrc,
  JSON.stringify({
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2023',
      keepClassNames: true,
      baseUrl: root,
      paths: compilerOptions.paths,
    },
    module: { type: 'commonjs' },
    sourceMaps: true,
  }),
);
execFileSync(
  join(root, 'node_modules', '.bin', 'swc'),
  ['apps', 'libs', 'tools', '-d', 'dist', '--config-file', swcrc, '--ignore', '**/*.spec.ts,**/*.integration-spec.ts,**/*.fixtures.ts', '--quiet'],
  { cwd: root, stdio: 'inherit' },
);
