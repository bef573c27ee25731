/**
 * The data-protection policy pack, as the Pulumi CLI loads it: `pulumi preview --policy-pack policies/data-protection`.
 * The only module with a side effect: it serves PACKS["data-protection"] (policies/packs.ts) at the levels of the
 * environment SOVEREIGN_ENVIRONMENT names (default prod), with policies/exemptions.json applied.
 */
import { PolicyPack } from "@pulumi/policy";
import { servedPack } from "../packs";

const served = servedPack("data-protection", process.env);
new PolicyPack(served.name, served.args);
