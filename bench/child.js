// One measured `sovereign check` in a fresh process (bench/child.ts), started exactly as cli/bin.js starts the
// CLI (cli/start.js).
"use strict";
require("../cli/start");
require("./child.ts");
