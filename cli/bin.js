#!/usr/bin/env node
// Launcher for `sovereign`: registers tsx's CommonJS hook (TypeScript transpiled, never type-checked; its
// on-disk cache makes a warm start ~0.1 s faster than esbuild's transformSync per file), then runs cli/main.ts.
"use strict";
// Source maps must be on before TypeScript modules compile, so program errors name their .ts line.
process.setSourceMapsEnabled(true);
require("tsx/cjs/api").register();
globalThis[Symbol.for("sovereign.tsx-registered")] = true;

let finished = false;
// A program whose promises never settle empties the event loop without finishing: fail, never pass silently.
process.on("beforeExit", () => {
  if (finished) return;
  finished = true;
  process.stderr.write(
    "sovereign: the program never finished (promises left pending with nothing to wait for)\n",
  );
  process.exitCode = 2;
});

require("./main.ts")
  .main(process.argv.slice(2))
  .then(
    (code) => {
      finished = true;
      process.exitCode = code;
    },
    (error) => {
      finished = true;
      process.stderr.write(
        `sovereign: internal error: ${error && error.stack ? error.stack : String(error)}\n`,
      );
      process.exitCode = 2;
    },
  );
