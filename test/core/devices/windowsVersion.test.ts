import { describe, expect, it } from "vitest";
import { operatingSystemRelease, windowsBuild } from "../../../core/devices/windowsVersion";

describe("Windows versions as Intune reports them", () => {
  it("reads the build from a Windows version and nothing from other systems", () => {
    expect(windowsBuild("Windows", "10.0.19045.6456")).toBe(19045);
    expect(windowsBuild("Windows", "10.0.26100.7171")).toBe(26100);
    expect(windowsBuild("Windows", "")).toBeNull();
    expect(windowsBuild("iOS", "10.0.1")).toBeNull();
  });

  it.each([
    ["Windows", "10.0.19045.6456", "Windows 10 22H2"],
    ["Windows", "10.0.22631.6199", "Windows 11 23H2"],
    ["Windows", "10.0.26100.7171", "Windows 11 24H2"],
    ["Windows", "10.0.27000.1", "Windows 11 (build 27000)"],
    ["iOS", "26.0.1", "iOS 26"],
    ["Android", "15", "Android 15"],
    ["macOS", "", "macOS"],
  ])("names %s %s as %s", (system, version, name) => {
    expect(operatingSystemRelease(system, version)).toBe(name);
  });
});
