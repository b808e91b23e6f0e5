/** missing-index: provisioned through the orchestrator, broken, symptom-fixed (rejected), reference-fixed (passes). */
import { levelSuite } from "./support/level-suite";

levelSuite("missing-index", { seeds: ["v1", "v2"] });
