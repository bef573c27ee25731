// Registers the TypeScript hook the CLI uses, then runs one measured bench run (bench/child.ts).
"use strict";
process.setSourceMapsEnabled(true);
require("tsx/cjs/api").register();
globalThis[Symbol.for("sovereign.tsx-registered")] = true;
require("./child.ts");
