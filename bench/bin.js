// `npm run bench`: registers the TypeScript hook the CLI uses, then runs bench/run.ts.
"use strict";
require("tsx/cjs/api").register();
require("./run.ts");
