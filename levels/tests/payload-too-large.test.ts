/** payload-too-large: provisioned through the orchestrator, broken, symptom-fixed (rejected), reference-fixed (passes). */
import { levelSuite } from "./support/level-suite";

levelSuite("payload-too-large", { seeds: ["v2", "v1"] });
