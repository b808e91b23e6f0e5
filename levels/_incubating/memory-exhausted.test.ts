/** memory-exhausted: provisioned through the orchestrator, broken, symptom-fixed (rejected), reference-fixed (passes). */
import { levelSuite } from "../tests/support/level-suite";

// Seeds: b = runit (node workers), a = boot-script (perl); tampering on v1 = periodic (perl).
levelSuite("memory-exhausted", { seeds: ["b", "a"], tamperSeed: "v1" });
