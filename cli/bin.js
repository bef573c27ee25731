#!/usr/bin/env node
// Launcher for `sovereign`: starts as cli/start.js says (source maps, tsx, deferred SDK modules), then runs
// cli/main.ts.
"use strict";
require("./start");

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
