// @swc/jest, plus one step for ESM-only packages (NestJS 12 and a few others): Jest on Node 20
// cannot require ES modules, so they are compiled to CommonJS, and their `import.meta` uses
// (always createRequire(import.meta.url) or import.meta.resolve) get CommonJS equivalents.
const { createTransformer } = require('@swc/jest');

const swc = createTransformer({
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
    target: 'es2022',
    keepClassNames: true,
  },
  module: { type: 'commonjs' },
});

function rewriteImportMeta(source, filename) {
  if (!filename.includes('/node_modules/') || !source.includes('import.meta')) return source;
  return source
    .replace(/import\.meta\.url/g, "('file://' + __filename)")
    .replace(/import\.meta\.resolve/g, 'require.resolve');
}

module.exports = {
  canInstrument: swc.canInstrument,
  process(source, filename, options) {
    return swc.process(rewriteImportMeta(source, filename), filename, options);
  },
  getCacheKey(source, filename, options) {
    return swc.getCacheKey(rewriteImportMeta(source, filename), filename, options);
  },
};
