/** `npm run docs`: rewrites the README's generated blocks in place. */
import { readFileSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { withGeneratedBlocks } from "./readme";

const README = path.join(__dirname, "..", "..", "README.md");
writeFileSync(README, withGeneratedBlocks(readFileSync(README, "utf8")));
