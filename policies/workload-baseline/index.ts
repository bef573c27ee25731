/**
 * The workload-baseline policy pack, as the Pulumi CLI loads it: `pulumi preview --policy-pack policies/workload-baseline`.
 * The only module with a side effect: it serves PACKS["workload-baseline"] (policies/packs.ts) at the levels of the
 * environment SOVEREIGN_ENVIRONMENT names (default prod), with policies/exemptions.json applied.
 */
import { PolicyPack } from "@pulumi/policy";
import { servedPack } from "../packs";

const served = servedPack("workload-baseline", process.env);
new PolicyPack(served.name, served.args);
