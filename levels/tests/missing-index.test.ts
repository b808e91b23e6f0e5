/** missing-index: provisioned through the orchestrator, broken, symptom-fixed (rejected), reference-fixed (passes). */
import { levelSuite } from "./support/level-suite";

// Only searches fail (a quarter of the traffic), so the SLI dips less than in the other levels.
levelSuite("missing-index", { seeds: ["v1", "v2"], outageAtMost: 0.85 });
