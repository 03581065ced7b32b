import type { Container, PodSpec, Probe, Volume } from '../types';
import { duplicate, forbidden, invalid, notFound, notSupported, required, type FieldError } from './field-error';
import { nonNegative, validateLabels, validatePortNumOrName, validateProtocol } from './common';
import { isDNS1123Label, isValidPortName, isValidPortNum } from './names';
import { validateDNSPolicy, validatePodDNSConfig } from './pod-dns';
import { validateEnv } from './env';

/**
 * ValidatePodSpec and the checks it calls, for the fields the engine models.
 * Source: kubernetes/kubernetes pkg/apis/core/validation/validation.go (validateContainers,
 * validateContainerPorts, validateProbe, validateHandler, validateRestartPolicy; the DNS fields in pod-dns.ts).
 */
export function validatePodSpec(spec: PodSpec, field: string): FieldError[] {
  const errs: FieldError[] = [];
  const containers = spec.containers ?? [];
  if (containers.length === 0) errs.push(required(`${field}.containers`));
  const volumes = validateVolumes(spec.volumes ?? [], `${field}.volumes`, errs);
  const names = new Set<string>();
  containers.forEach((c, i) => {
    const at = `${field}.containers[${i}]`;
    if (!c.name) errs.push(required(`${at}.name`));
    else {
      for (const m of isDNS1123Label(c.name)) errs.push(invalid(`${at}.name`, c.name, m));
      if (names.has(c.name)) errs.push(duplicate(`${at}.name`, c.name));
      names.add(c.name);
    }
    if (!c.image) errs.push(required(`${at}.image`));
    errs.push(...validateContainer(c, at, spec.hostNetwork === true));
    errs.push(...validateEnv(c.env ?? [], `${at}.env`));
    errs.push(...validateVolumeMounts(c, volumes, at));
  });
  if (spec.restartPolicy !== undefined && !restartPolicies.includes(spec.restartPolicy)) {
    errs.push(notSupported(`${field}.restartPolicy`, spec.restartPolicy, restartPolicies));
  }
  errs.push(...validateDNSPolicy(spec, field));
  errs.push(...nonNegative(spec.terminationGracePeriodSeconds, `${field}.terminationGracePeriodSeconds`));
  errs.push(...validateLabels(spec.nodeSelector, `${field}.nodeSelector`));
  errs.push(...validatePodDNSConfig(spec, field));
  return errs;
}

const restartPolicies = ['Always', 'OnFailure', 'Never'];
const pullPolicies = ['Always', 'IfNotPresent', 'Never'];

function validateContainer(c: Container, at: string, hostNetwork: boolean): FieldError[] {
  const errs: FieldError[] = [];
  const portNames = new Set<string>();
  (c.ports ?? []).forEach((p, j) => {
    const pat = `${at}.ports[${j}]`;
    if (p.name !== undefined) {
      for (const m of isValidPortName(p.name)) errs.push(invalid(`${pat}.name`, p.name, m));
      if (portNames.has(p.name)) errs.push(duplicate(`${pat}.name`, p.name));
      portNames.add(p.name);
    }
    if (!p.containerPort) errs.push(required(`${pat}.containerPort`));
    else for (const m of isValidPortNum(p.containerPort)) errs.push(invalid(`${pat}.containerPort`, p.containerPort, m));
    if (p.hostPort) for (const m of isValidPortNum(p.hostPort)) errs.push(invalid(`${pat}.hostPort`, p.hostPort, m));
    errs.push(...validateProtocol(p.protocol, `${pat}.protocol`));
    if (hostNetwork && p.hostPort !== p.containerPort) {
      errs.push(invalid(`${pat}.containerPort`, p.containerPort, 'must match `hostPort` when `hostNetwork` is true'));
    }
  });
  if (c.imagePullPolicy !== undefined && !pullPolicies.includes(c.imagePullPolicy)) {
    errs.push(notSupported(`${at}.imagePullPolicy`, c.imagePullPolicy, pullPolicies));
  }
  if (c.readinessProbe) errs.push(...validateProbe(c.readinessProbe, `${at}.readinessProbe`, false));
  if (c.readinessProbe?.terminationGracePeriodSeconds !== undefined) {
    errs.push(invalid(`${at}.readinessProbe.terminationGracePeriodSeconds`, c.readinessProbe.terminationGracePeriodSeconds, 'must not be set for readinessProbes'));
  }
  if (c.livenessProbe) errs.push(...validateProbe(c.livenessProbe, `${at}.livenessProbe`, true));
  if (c.startupProbe) errs.push(...validateProbe(c.startupProbe, `${at}.startupProbe`, true));
  return errs;
}

/** validateProbe + validateHandler; liveness and startup probes need successThreshold 1. */
function validateProbe(probe: Probe, at: string, mustSucceedOnce: boolean): FieldError[] {
  const errs: FieldError[] = [];
  const handlers = (['exec', 'httpGet', 'tcpSocket', 'grpc'] as const).filter((h) => probe[h] !== undefined);
  if (handlers.length === 0) errs.push(required(at, 'must specify a handler type'));
  for (const h of handlers.slice(1)) errs.push(forbidden(`${at}.${h}`, 'may not specify more than 1 handler type'));
  if (probe.exec && !(probe.exec.command ?? []).length) errs.push(required(`${at}.exec.command`));
  if (probe.httpGet) {
    if (probe.httpGet.port === undefined) errs.push(required(`${at}.httpGet.port`));
    errs.push(...validatePortNumOrName(probe.httpGet.port, `${at}.httpGet.port`));
    if (probe.httpGet.scheme !== undefined && !['HTTP', 'HTTPS'].includes(probe.httpGet.scheme)) {
      errs.push(notSupported(`${at}.httpGet.scheme`, probe.httpGet.scheme, ['HTTP', 'HTTPS']));
    }
  }
  if (probe.tcpSocket) {
    if (probe.tcpSocket.port === undefined) errs.push(required(`${at}.tcpSocket.port`));
    errs.push(...validatePortNumOrName(probe.tcpSocket.port, `${at}.tcpSocket.port`));
  }
  if (probe.grpc) errs.push(...validatePortNumOrName(probe.grpc.port, `${at}.grpc.port`));
  if (probe.terminationGracePeriodSeconds !== undefined && probe.terminationGracePeriodSeconds <= 0) {
    errs.push(invalid(`${at}.terminationGracePeriodSeconds`, probe.terminationGracePeriodSeconds, 'must be greater than 0'));
  }
  for (const f of ['initialDelaySeconds', 'timeoutSeconds', 'periodSeconds', 'successThreshold', 'failureThreshold'] as const) {
    errs.push(...nonNegative(probe[f], `${at}.${f}`));
  }
  if (mustSucceedOnce && probe.successThreshold !== undefined && probe.successThreshold !== 1) {
    errs.push(invalid(`${at}.successThreshold`, probe.successThreshold, 'must be 1'));
  }
  return errs;
}

/** validateVolumes: a unique DNS-label name and exactly one source each; returns the names. */
function validateVolumes(volumes: Volume[], at: string, errs: FieldError[]): Set<string> {
  const names = new Set<string>();
  volumes.forEach((v, i) => {
    const vat = `${at}[${i}]`;
    if (!v.name) errs.push(required(`${vat}.name`));
    else {
      for (const m of isDNS1123Label(v.name)) errs.push(invalid(`${vat}.name`, v.name, m));
      if (names.has(v.name)) errs.push(duplicate(`${vat}.name`, v.name));
      names.add(v.name);
    }
    const sources = (['emptyDir', 'secret', 'configMap', 'projected'] as const).filter((s) => v[s] !== undefined);
    if (!sources.length) errs.push(required(vat, 'must specify a volume type'));
    for (const s of sources.slice(1)) errs.push(forbidden(`${vat}.${s}`, 'may not specify more than 1 volume type'));
    if (v.secret && !v.secret.secretName) errs.push(required(`${vat}.secret.secretName`));
    if (v.configMap && !v.configMap.name) errs.push(required(`${vat}.configMap.name`));
  });
  return names;
}

/** ValidateVolumeMounts: each names a volume of the Pod, at a unique mountPath. */
function validateVolumeMounts(c: Container, volumes: Set<string>, at: string): FieldError[] {
  const errs: FieldError[] = [];
  const paths = new Set<string>();
  (c.volumeMounts ?? []).forEach((m, i) => {
    const mat = `${at}.volumeMounts[${i}]`;
    if (!m.name) errs.push(required(`${mat}.name`));
    else if (!volumes.has(m.name)) errs.push(notFound(`${mat}.name`, m.name));
    if (!m.mountPath) errs.push(required(`${mat}.mountPath`));
    else if (paths.has(m.mountPath)) errs.push(invalid(`${mat}.mountPath`, m.mountPath, 'must be unique'));
    paths.add(m.mountPath);
  });
  return errs;
}
