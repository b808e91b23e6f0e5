/** timezone: provisioned through the orchestrator, broken, symptom-fixed (rejected), reference-fixed (passes). */
import { levelSuite } from "./support/level-suite";
import { notJustBeforeUtcMidnight } from "./support/utc-midnight";

levelSuite("timezone", { seeds: ["v2", "v1"], beforeProvision: notJustBeforeUtcMidnight });
