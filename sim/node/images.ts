/**
 * The image catalogue: what the well-known images of the Kubernetes tutorials do when a container
 * starts with no `command` and no `args`: their ENTRYPOINT and CMD (from each image's Dockerfile),
 * and whose userland their small programs come from (BusyBox applets or GNU coreutils), which
 * decides the wording of messages such as `cat: can't open 'x'` vs `cat: x: No such file or directory`.
 *
 * What a program does once started (nginx listens on 80, `sh` with no terminal exits at once) is
 * the program's business: see main-programs.ts and the shell. An image that is not in the
 * catalogue keeps the simulator's convention (see `containerArgv`).
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';

/** Whose applets an image's `cat`, `rm`, `touch`, … are. */
export type Userland = 'busybox' | 'gnu';

export interface ImageProfile {
  /** Repository names this entry covers, normalised (no `docker.io/`, no `library/`, no tag). */
  repositories: string[];
  /** The image's ENTRYPOINT: container.command replaces it. */
  entrypoint: string[];
  /** The image's CMD: container.args replaces it (and so does container.command). */
  cmd: string[];
  userland: Userland;
  /** `dash` when the image's `/bin/sh` is dash (a Debian or Ubuntu base); else BusyBox ash. */
  sh?: 'dash';
  /**
   * Built `FROM scratch` or on a distroless base: the image holds its own program and nothing
   * else, no shell and no userland (`kubectl exec POD -- sh` fails as runc does).
   */
  bare?: true;
  /**
   * The program the image's entrypoint script runs when the first argument is an option (`-x`)
   * or not a program of the image (`docker-entrypoint.sh` of curl, redis and traefik).
   */
  optionsTo?: string;
  /**
   * The version of BIND's DNS tools (`dig` and BIND's `nslookup`: Debian's dnsutils, Alpine's
   * bind-tools) when the image ships them, as dig prints it. Otherwise a BusyBox image has
   * BusyBox's `nslookup` applet and no dig, and any other image has neither (see imageDnsTools).
   */
  bindTools?: string;
  /**
   * The image's size in bytes as the runtime reports it after a pull (the Pulled event's "Image
   * size"): the simulator's round figure near the linux/amd64 image's compressed size.
   */
  size: number;
}

/** The catalogue, one entry per image. */
export const images: ImageProfile[] = [
  /** nginx: docker-entrypoint.sh then `nginx -g 'daemon off;'`, listening on 80; Debian (the `-alpine` tags are BusyBox). Source: github.com/nginxinc/docker-nginx, mainline/debian/Dockerfile. */
  { repositories: ['nginx', 'nginxinc/nginx-unprivileged'], entrypoint: ['/docker-entrypoint.sh'], cmd: ['nginx', '-g', 'daemon off;'], userland: 'gnu', sh: 'dash', size: 72_000_000 },
  /** Apache httpd: `httpd-foreground`, listening on 80; Debian. Source: github.com/docker-library/httpd, 2.4/Dockerfile. */
  { repositories: ['httpd'], entrypoint: [], cmd: ['httpd-foreground'], userland: 'gnu', sh: 'dash', size: 58_000_000 },
  /** Traefik: entrypoint.sh then `traefik`, whose default entry point listens on 80; Alpine. Source: github.com/traefik/traefik-library-image, alpine/Dockerfile and entrypoint.sh. */
  { repositories: ['traefik'], entrypoint: ['/entrypoint.sh'], cmd: ['traefik'], userland: 'busybox', optionsTo: 'traefik', size: 50_000_000 },
  /** traefik/whoami: `/whoami`, listening on 80 (its --port default); FROM scratch. Source: github.com/traefik/whoami, Dockerfile and app.go. */
  { repositories: ['traefik/whoami', 'containous/whoami'], entrypoint: ['/whoami'], cmd: [], userland: 'gnu', bare: true, size: 3_500_000 },
  /** hello-app: `/hello-app`, listening on 8080 (PORT unset); on distroless static-debian12. Source: github.com/GoogleCloudPlatform/kubernetes-engine-samples, quickstarts/hello-app/Dockerfile and main.go. */
  { repositories: ['gcr.io/google-samples/hello-app', 'us-docker.pkg.dev/google-samples/containers/gke/hello-app'], entrypoint: ['/hello-app'], cmd: [], userland: 'gnu', bare: true, size: 11_000_000 },
  /** kubernetes-bootcamp (the "Learn Kubernetes Basics" tutorial): `node server.js`, listening on 8080; Debian. Source: the tutorial's image, FROM node with EXPOSE 8080. */
  { repositories: ['gcr.io/google-samples/kubernetes-bootcamp', 'jocatalin/kubernetes-bootcamp'], entrypoint: [], cmd: ['node', 'server.js'], userland: 'gnu', sh: 'dash', size: 80_000_000 },
  /** serve_hostname: `/serve_hostname`, answering its hostname on 9376. Source: kubernetes/test/images/serve-hostname (Dockerfile, README). */
  { repositories: ['registry.k8s.io/serve_hostname', 'k8s.gcr.io/serve_hostname', 'gcr.io/google_containers/serve_hostname'], entrypoint: ['/serve_hostname'], cmd: [], userland: 'busybox', size: 3_000_000 },
  /** echoserver (the "Using Source IP" tutorial, minikube's hello example): its start script runs nginx with a Lua handler on 8080 (see echoserver.ts); Debian. Source: kubernetes/contrib echoserver (Dockerfile, run.sh). */
  { repositories: ['registry.k8s.io/echoserver', 'k8s.gcr.io/echoserver', 'gcr.io/google_containers/echoserver', 'gcr.io/google-containers/echoserver'], entrypoint: [], cmd: ['/usr/local/bin/run.sh'], userland: 'gnu', sh: 'dash', size: 46_000_000 },
  /** agnhost: `/agnhost pause` unless args name another subcommand; Alpine with bind-tools. Source: kubernetes/test/images/agnhost/Dockerfile (ENTRYPOINT ["/agnhost"], CMD ["pause"]; `apk add bind-tools …`). */
  { repositories: ['registry.k8s.io/e2e-test-images/agnhost', 'k8s.gcr.io/e2e-test-images/agnhost', 'gcr.io/kubernetes-e2e-test-images/agnhost'], entrypoint: ['/agnhost'], cmd: ['pause'], userland: 'busybox', bindTools: '9.18.27', size: 51_000_000 },
  /** jessie-dnsutils (the "Debugging DNS Resolution" task's dnsutils Pod): Debian 8 with dnsutils (BIND 9.9's dig and nslookup, jessie's last update); Debian's CMD bash. Source: kubernetes/test/images/jessie-dnsutils/Dockerfile (`apt-get install -y dnsutils`). */
  { repositories: ['registry.k8s.io/e2e-test-images/jessie-dnsutils', 'k8s.gcr.io/e2e-test-images/jessie-dnsutils', 'gcr.io/kubernetes-e2e-test-images/dnsutils'], entrypoint: [], cmd: ['bash'], userland: 'gnu', sh: 'dash', bindTools: '9.9.5-9+deb8u19-Debian', size: 62_000_000 },
  /** http-echo: `/http-echo`, listening on -listen (default `:5678`); no shell (1.0: FROM gcr.io/distroless/static-debian12, 0.2: FROM scratch). Source: github.com/hashicorp/http-echo, Dockerfile, docker/scratch/Dockerfile and main.go. */
  { repositories: ['hashicorp/http-echo'], entrypoint: ['/http-echo'], cmd: [], userland: 'gnu', bare: true, size: 3_200_000 },
  /** httpbin: `gunicorn -b 0.0.0.0:80 httpbin:app -k gevent`, listening on 80; Ubuntu. Source: github.com/postmanlabs/httpbin, Dockerfile. */
  { repositories: ['kennethreitz/httpbin', 'mccutchen/go-httpbin'], entrypoint: [], cmd: ['gunicorn', '-b', '0.0.0.0:80', 'httpbin:app', '-k', 'gevent'], userland: 'gnu', size: 190_000_000 },
  /** Redis: docker-entrypoint.sh then `redis-server`, listening on TCP 6379; Debian. Source: github.com/docker-library/redis, Dockerfile and docker-entrypoint.sh. */
  { repositories: ['redis'], entrypoint: ['docker-entrypoint.sh'], cmd: ['redis-server'], userland: 'gnu', sh: 'dash', optionsTo: 'redis-server', size: 45_000_000 },
  /** CoreDNS: `/coredns`, on 53 (UDP and TCP); with a Corefile (-conf) also health 8080, ready 8181, metrics 9153; FROM scratch. Source: github.com/coredns/coredns, Dockerfile; kubeadm's CoreDNS manifest. */
  { repositories: ['coredns/coredns', 'registry.k8s.io/coredns/coredns', 'registry.k8s.io/coredns'], entrypoint: ['/coredns'], cmd: [], userland: 'gnu', bare: true, size: 20_000_000 },
  /** BusyBox: `sh`, which exits at once when it has no terminal and no input. Source: github.com/docker-library/busybox (CMD ["sh"]). */
  { repositories: ['busybox', 'registry.k8s.io/busybox', 'k8s.gcr.io/busybox', 'gcr.io/google-containers/busybox'], entrypoint: [], cmd: ['sh'], userland: 'busybox', size: 2_200_000 },
  /** radial/busyboxplus (BusyBox with curl): `/bin/sh`. Source: github.com/radial/busyboxplus, Dockerfile. */
  { repositories: ['radial/busyboxplus'], entrypoint: [], cmd: ['/bin/sh'], userland: 'busybox', size: 5_000_000 },
  /** Alpine: `/bin/sh` (BusyBox ash). Source: github.com/alpinelinux/docker-alpine, Dockerfile. */
  { repositories: ['alpine'], entrypoint: [], cmd: ['/bin/sh'], userland: 'busybox', size: 3_600_000 },
  /** Ubuntu and Debian: `bash`, which exits at once with no terminal. Sources: the official images' Dockerfiles (CMD ["/bin/bash"], CMD ["bash"]). */
  { repositories: ['ubuntu', 'debian'], entrypoint: [], cmd: ['bash'], userland: 'gnu', sh: 'dash', size: 29_000_000 },
  /** curl: entrypoint.sh then `curl`, which exits 2 with no URL; Alpine. Source: github.com/curl/curl-container, Containerfile and entrypoint.sh. */
  { repositories: ['curlimages/curl'], entrypoint: ['/entrypoint.sh'], cmd: ['curl'], userland: 'busybox', optionsTo: 'curl', size: 8_000_000 },
  /** NGINX Ingress Controller: `/nginx-ingress` (the controller, which runs nginx); Debian. Source: github.com/nginx/kubernetes-ingress, build/Dockerfile (ENTRYPOINT ["/nginx-ingress"]). Its program is the ingress add-on's (sim/addons/ingress). */
  { repositories: ['nginx/nginx-ingress'], entrypoint: ['/nginx-ingress'], cmd: [], userland: 'gnu', sh: 'dash', size: 110_000_000 },
  /** etcd: `/usr/local/bin/etcd` (the probes tutorial gives it as command). Source: etcd-io/etcd, Dockerfile (CMD ["/usr/local/bin/etcd"]). */
  { repositories: ['registry.k8s.io/etcd', 'quay.io/coreos/etcd', 'gcr.io/etcd-development/etcd'], entrypoint: [], cmd: ['/usr/local/bin/etcd'], userland: 'gnu', size: 57_000_000 },
  /** goproxy: `/goproxy`, an HTTP proxy on 8080 (the probes tutorial's tcpSocket example, tcp-liveness-readiness.yaml). */
  { repositories: ['registry.k8s.io/goproxy', 'k8s.gcr.io/goproxy'], entrypoint: ['/goproxy'], cmd: [], userland: 'gnu', size: 3_800_000 },
  /** pause: `/pause`, which sleeps until it is stopped; FROM scratch (the Makefile's Linux BASE). Source: kubernetes/build/pause (Dockerfile, Makefile, linux/pause.c). */
  { repositories: ['registry.k8s.io/pause', 'k8s.gcr.io/pause', 'gcr.io/google_containers/pause'], entrypoint: ['/pause'], cmd: [], userland: 'gnu', bare: true, size: 320_000 },
];

/** An image reference's repository (registry and path, normalised as in `repositories`) and tag. */
export function parseImageRef(image: string): { repository: string; tag: string } {
  let ref = image.split('@')[0];
  const slash = ref.lastIndexOf('/');
  const colon = ref.lastIndexOf(':');
  let tag = 'latest';
  if (colon > slash) {
    tag = ref.slice(colon + 1);
    ref = ref.slice(0, colon);
  }
  ref = ref.replace(/^(index\.)?docker\.io\//, '').replace(/^library\//, '');
  return { repository: ref, tag };
}

/**
 * The image as containerd reports it in a container's status (CRI ContainerStatus.image, which the
 * kubelet copies to status.containerStatuses[].image): the reference fully qualified, with Docker
 * Hub's domain, its `library/` namespace and the `latest` tag filled in where the Pod's spec left
 * them out (distribution/reference ParseNormalizedNamed, then TagNameOnly); a digest stays as given.
 */
export function runtimeImageName(image: string): string {
  const [name, digest] = image.split('@');
  const first = name.split('/')[0];
  const hasDomain = name.includes('/') && (first.includes('.') || first.includes(':') || first === 'localhost');
  let qualified = hasDomain ? name : `docker.io/${name.includes('/') ? name : `library/${name}`}`;
  if (qualified.startsWith('index.docker.io/')) qualified = qualified.slice('index.'.length);
  if (digest) return `${qualified}@${digest}`;
  return /:[^/]*$/.test(qualified) ? qualified : `${qualified}:latest`;
}

/**
 * The image's ID in a container's status (status.containerStatuses[].imageID): the repository and
 * the digest the runtime resolved. The digest is the simulator's own (the SHA-256 of the
 * reference), not the registry's, unless the Pod named one.
 */
export function runtimeImageID(image: string): string {
  let id = imageIDs.get(image);
  if (id === undefined) imageIDs.set(image, (id = computeImageID(image)));
  return id;
}

/** Image IDs computed so far: the kubelet asks for one at every status write. */
const imageIDs = new Map<string, string>();

function computeImageID(image: string): string {
  const [name, digest] = runtimeImageName(image).split('@');
  const repository = name.replace(/:[^/]*$/, '');
  return `${repository}@${digest ?? `sha256:${bytesToHex(sha256(new TextEncoder().encode(name)))}`}`;
}

/** The catalogue's entry for an image reference; undefined for an image it does not know. */
export function imageProfile(image: string): ImageProfile | undefined {
  const { repository } = parseImageRef(image);
  return images.find((p) => p.repositories.includes(repository));
}

/** An `-alpine` tag (nginx:1.27-alpine, redis:alpine): the image is built on Alpine, BusyBox's. */
const alpineTag = (image: string) => /(^|-)alpine/.test(parseImageRef(image).tag);

/**
 * Whose messages the programs in this image print: the catalogue's userland, BusyBox for any
 * `-alpine` tag (nginx:1.27-alpine, redis:alpine), GNU coreutils for an unknown image.
 */
export function imageUserland(image: string): Userland {
  if (alpineTag(image)) return 'busybox';
  return imageProfile(image)?.userland ?? 'gnu';
}

/**
 * Which shell an image's `sh` is: dash in the catalogue's Debian and Ubuntu images (not their
 * `-alpine` tags), BusyBox ash otherwise, in an image the catalogue does not know too (as in
 * nicolaka/netshoot, on Alpine).
 */
export function imageSh(image: string): 'ash' | 'dash' {
  if (alpineTag(image)) return 'ash';
  return imageProfile(image)?.sh ?? 'ash';
}

/** An image with no shell and no userland (FROM scratch, distroless): see ImageProfile.bare. */
export function imageIsBare(image: string): boolean {
  return imageProfile(image)?.bare === true;
}

/**
 * Whose DNS tools an image has: BIND's (`nslookup` and `dig`, with their version) where the catalogue says so,
 * BusyBox's `nslookup` applet in a BusyBox userland, none in other images of the catalogue (nginx
 * and its Debian kin ship neither). An image the catalogue does not know (nicolaka/netshoot, a
 * reader's own) has BIND's tools: the simulator's convention, as for its servers.
 */
export function imageDnsTools(image: string): { bind: string } | 'busybox' | undefined {
  const profile = imageProfile(image);
  if (profile?.bindTools) return { bind: profile.bindTools };
  if (!profile && imageUserland(image) === 'gnu') return { bind: currentBind };
  return imageUserland(image) === 'busybox' ? 'busybox' : undefined;
}

/** The BIND whose tools an image the catalogue does not know has, and a node (Ubuntu 24.04's bind9-dnsutils). */
export const currentBind = '9.18.27';

/**
 * The container's main process: Kubernetes' rule that `command` replaces the image's ENTRYPOINT
 * and `args` replaces its CMD (a `command` alone drops CMD too).
 *
 * Undefined for an image the catalogue does not know, unless `command` is given: the simulator's
 * convention is then that the container runs forever, serving HTTP on each containerPort it
 * declares and answering with the Pod's name and a newline (see serveHostname in http-exchange.ts;
 * the known images answer as their programs do). This is the one
 * place where a container's declared ports decide what it listens on.
 * Source: kubernetes.io "Define a Command and Arguments for a Container" (the table of cases).
 */
export function containerArgv(image: string, command: string[] | undefined, args: string[] | undefined): string[] | undefined {
  const profile = imageProfile(image);
  if (command?.length) return [...command, ...(args ?? [])];
  if (!profile) return undefined;
  return [...profile.entrypoint, ...(args ?? profile.cmd)];
}
