/** locked-migration: provisioned through the orchestrator, broken, symptom-fixed (rejected), reference-fixed (passes). */
import { levelSuite } from "./support/level-suite";

levelSuite("locked-migration", { seeds: ["v2", "v1"] });
