/** deep-pagination: provisioned, broken (unindexed sort, OFFSET pages), symptom fix rejected, index + bounded pages pass. */
import { levelSuite } from "./support/level-suite";

// Two thirds of the traffic is the sorted catalogue, the rest the (healthy) unsorted list: the SLI dips to about a third.
levelSuite("deep-pagination", { seeds: ["v1", "v2"], outageAtMost: 0.6 });
