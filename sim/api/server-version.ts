/**
 * The API server's build, as `GET /version` answers it: k8s.io/apimachinery/pkg/version.Info,
 * whose emulation and minimum-compatibility fields came with compatibility versions (KEP-4330).
 * Only builds the simulator knows are listed, as a real kube-apiserver of that release answers
 * (v1.35.0: the release's kube-apiserver, `curl -k https://localhost:6443/version`).
 */
export interface VersionInfo {
  major: string;
  minor: string;
  emulationMajor: string;
  emulationMinor: string;
  minCompatibilityMajor: string;
  minCompatibilityMinor: string;
  gitVersion: string;
  gitCommit: string;
  gitTreeState: string;
  buildDate: string;
  goVersion: string;
  compiler: string;
  platform: string;
}

const builds: Record<string, VersionInfo> = {
  'v1.35.0': {
    major: '1',
    minor: '35',
    emulationMajor: '1',
    emulationMinor: '35',
    minCompatibilityMajor: '1',
    minCompatibilityMinor: '34',
    gitVersion: 'v1.35.0',
    gitCommit: '66452049f3d692768c39c797b21b793dce80314e',
    gitTreeState: 'clean',
    buildDate: '2025-12-17T12:32:07Z',
    goVersion: 'go1.25.5',
    compiler: 'gc',
    platform: 'linux/amd64',
  },
};

/** The build of `gitVersion` (a cluster config's kubernetesVersion), if the simulator knows it. */
export function serverVersion(gitVersion: string): VersionInfo | undefined {
  return Object.hasOwn(builds, gitVersion) ? builds[gitVersion] : undefined;
}
