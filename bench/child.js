// One measured `sovereign check` in a fresh process (bench/child.ts), started exactly as cli/bin.js starts the
// CLI: source maps on before any TypeScript compiles, then tsx's CommonJS hook.
"use strict";
process.setSourceMapsEnabled(true);
require("tsx/cjs/api").register();
globalThis[Symbol.for("sovereign.tsx-registered")] = true;
require("./child.ts");
