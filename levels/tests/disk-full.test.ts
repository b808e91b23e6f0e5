/** disk-full: provisioned through the orchestrator, broken, symptom-fixed (rejected), reference-fixed (passes). */
import { levelSuite } from "./support/level-suite";

levelSuite("disk-full", { seeds: ["v1", "v2"] });
