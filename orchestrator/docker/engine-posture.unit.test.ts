import assert from "node:assert/strict";
import { test } from "node:test";
import { postureFromInfo, writableLayerSize } from "./engine-posture";

test("btrfs and zfs cap a writable layer, image included", () => {
  const p = postureFromInfo({ Driver: "btrfs", DriverStatus: [["Build Version", "Btrfs v6.2"]] });
  assert.deepEqual(p.disk, { capped: true, countsImage: true, detail: "btrfs quotas" });
  assert.equal(postureFromInfo({ Driver: "zfs" }).disk.capped, true);
});

test("btrfs with simple quotas (labelled by ensure-docker.sh) counts only what the container writes", () => {
  const p = postureFromInfo({ Driver: "btrfs", Labels: ["firedrill.disk-quota=btrfs-simple"] });
  assert.deepEqual(p.disk, { capped: true, countsImage: false, detail: "btrfs simple quotas" });
});

test("overlay2 caps only over xfs; on ext4 it cannot", () => {
  const xfs = postureFromInfo({ Driver: "overlay2", DriverStatus: [["Backing Filesystem", "xfs"]] });
  assert.equal(xfs.disk.capped, true);
  assert.equal(xfs.disk.countsImage, false);
  const ext4 = postureFromInfo({ Driver: "overlay2", DriverStatus: [["Backing Filesystem", "extfs"]] });
  assert.deepEqual(ext4.disk, { capped: false, countsImage: false, detail: "overlay2 on extfs cannot" });
});

test("userns-remap is read from the security options", () => {
  assert.equal(postureFromInfo({ SecurityOptions: ["name=seccomp,profile=default", "name=userns"] }).userns, true);
  assert.equal(postureFromInfo({ SecurityOptions: ["name=seccomp,profile=default"] }).userns, false);
  assert.equal(postureFromInfo({}).userns, false);
});

test("the size option adds the image only where the quota counts it", () => {
  const MB = 1024 * 1024;
  assert.equal(writableLayerSize({ capped: true, countsImage: true, detail: "" }, 950.2 * MB, 256), "1207M");
  assert.equal(writableLayerSize({ capped: true, countsImage: false, detail: "" }, 950 * MB, 256), "256M");
  assert.equal(writableLayerSize({ capped: false, countsImage: false, detail: "" }, 950 * MB, 256), undefined);
});
