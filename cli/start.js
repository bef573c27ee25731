// What every start of the CLI does before any TypeScript module loads (cli/bin.js, and bench/child.js, which must
// start exactly as the CLI does): source maps on, so program errors name their .ts line; tsx's CommonJS hook
// (TypeScript transpiled, never type-checked; its on-disk cache makes a warm start ~0.1 s faster than esbuild's
// transformSync per file); the Pulumi SDK's heavy modules deferred until something uses them.
"use strict";
const path = require("node:path");

process.setSourceMapsEnabled(true);
require("tsx/cjs/api").register();
globalThis[Symbol.for("sovereign.tsx-registered")] = true;
require("./engine/deferred-modules.ts").deferPulumiStartup(
  path.dirname(require.resolve("@pulumi/pulumi/package.json")),
);
