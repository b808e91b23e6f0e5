/** deep-pagination: provisioned, broken (unindexed sort, OFFSET pages), symptom fix rejected, index + bounded pages pass. */
import { levelSuite } from "./support/level-suite";

// Half the traffic is the sorted catalogue, the other half the (healthy) unsorted list: the SLI dips to about half.
levelSuite("deep-pagination", { seeds: ["v1", "v2"], outageAtMost: 0.75 });
