// One SWC transform for every Jest project: decorator metadata for Nest DI, and the tsconfig path
// aliases rewritten the same way the build does.
const path = require('node:path');
const { compilerOptions } = require('./tsconfig.base.json');

module.exports = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2023',
      keepClassNames: true,
      baseUrl: path.resolve(__dirname),
      paths: compilerOptions.paths,
    },
    module: { type: 'commonjs' },
    sourceMaps: 'inline',
  },
];
