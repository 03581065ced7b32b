import type { Deployment, LabelSelector, PodTemplateSpec, ReplicaSet } from '../types';
import { matchesSelector } from '../labels';
import { invalid, notSupported, required, type FieldError } from './field-error';
import { nonNegative, validateLabelSelector, validateLabels } from './common';
import { isValidPercent } from './names';
import { validatePodSpec } from './pod';

/**
 * ValidateReplicaSetSpec and ValidateDeploymentSpec, for the fields the engine models.
 * Source: kubernetes/kubernetes pkg/apis/apps/validation/validation.go.
 */
export function validateReplicaSetSpec(spec: ReplicaSet['spec']): FieldError[] {
  return [...nonNegative(spec.replicas, 'spec.replicas'), ...nonNegative(spec.minReadySeconds, 'spec.minReadySeconds'), ...validateSelectorAndTemplate(spec.selector, spec.template)];
}

export function validateDeploymentSpec(spec: Deployment['spec']): FieldError[] {
  const errs = [
    ...nonNegative(spec.replicas, 'spec.replicas'),
    ...validateSelectorAndTemplate(spec.selector, spec.template),
    ...nonNegative(spec.minReadySeconds, 'spec.minReadySeconds'),
    ...nonNegative(spec.revisionHistoryLimit, 'spec.revisionHistoryLimit'),
  ];
  const strategy = spec.strategy;
  if (strategy?.type !== undefined && strategy.type !== 'RollingUpdate' && strategy.type !== 'Recreate') {
    errs.push(notSupported('spec.strategy.type', strategy.type, ['Recreate', 'RollingUpdate']));
  }
  const ru = strategy?.rollingUpdate;
  if (ru) {
    errs.push(...intOrPercent(ru.maxUnavailable, 'spec.strategy.rollingUpdate.maxUnavailable'));
    errs.push(...intOrPercent(ru.maxSurge, 'spec.strategy.rollingUpdate.maxSurge'));
    if (isZero(ru.maxUnavailable) && isZero(ru.maxSurge)) {
      errs.push(invalid('spec.strategy.rollingUpdate.maxUnavailable', ru.maxUnavailable, 'may not be 0 when `maxSurge` is 0'));
    }
    if (typeof ru.maxUnavailable === 'string' && parseInt(ru.maxUnavailable, 10) > 100) {
      errs.push(invalid('spec.strategy.rollingUpdate.maxUnavailable', ru.maxUnavailable, 'must not be greater than 100%'));
    }
  }
  if (spec.progressDeadlineSeconds !== undefined) {
    errs.push(...nonNegative(spec.progressDeadlineSeconds, 'spec.progressDeadlineSeconds'));
    if (spec.progressDeadlineSeconds <= (spec.minReadySeconds ?? 0)) {
      errs.push(invalid('spec.progressDeadlineSeconds', spec.progressDeadlineSeconds, 'must be greater than minReadySeconds'));
    }
  }
  return errs;
}

/**
 * The selector must be given and non-empty, and must select the template's own labels
 * (ValidatePodTemplateSpecForReplicaSet); a workload's Pods must restart Always.
 */
function validateSelectorAndTemplate(selector: LabelSelector | undefined, template: PodTemplateSpec | undefined): FieldError[] {
  const errs: FieldError[] = [];
  if (!selector) errs.push(required('spec.selector'));
  else {
    errs.push(...validateLabelSelector(selector, 'spec.selector'));
    if (Object.keys(selector.matchLabels ?? {}).length + (selector.matchExpressions ?? []).length === 0) {
      errs.push(invalid('spec.selector', selector, 'empty selector is invalid for deployment'));
    }
  }
  if (!template) return [...errs, required('spec.template')];
  const labels = template.metadata?.labels ?? {};
  if (!selector || !matchesSelector(labels, selector)) {
    errs.push(invalid('spec.template.metadata.labels', labels, '`selector` does not match template `labels`'));
  }
  errs.push(...validateLabels(labels, 'spec.template.metadata.labels'));
  if (template.spec) errs.push(...validatePodSpec(template.spec, 'spec.template.spec'));
  else errs.push(required('spec.template.spec.containers'));
  const restart = template.spec?.restartPolicy;
  if (restart !== undefined && restart !== 'Always') errs.push(notSupported('spec.template.spec.restartPolicy', restart, ['Always']));
  return errs;
}

/** ValidatePositiveIntOrPercent. */
function intOrPercent(value: number | string | undefined, field: string): FieldError[] {
  if (typeof value === 'string') return isValidPercent(value).map((m) => invalid(field, value, m));
  return nonNegative(value, field);
}

function isZero(value: number | string | undefined): boolean {
  return value === 0 || value === '0%';
}
