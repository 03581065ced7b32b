import { describe, expect, it } from 'vitest';
import { Cluster } from '../../../sim/cluster';
import { applyManifests } from '../../../sim/api/apply';

const deployment = (extra = '', replicas = '2') => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: ${replicas}
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: web
        image: nginx:1.27${extra}
`;

const configMap = `apiVersion: v1
kind: ConfigMap
metadata:
  name: settings
data:
  mode: fast
---
`;

/**
 * Applies `text` as web.yaml and checks that the refused Deployment left nothing behind, while a
 * sound ConfigMap before it in the file was created: kubectl applies each document on its own.
 */
function rejected(text: string): string[] {
  const cluster = new Cluster();
  const { lines, errors } = applyManifests(cluster, text, 'web.yaml');
  const withConfigMap = text.startsWith(configMap);
  expect(lines).toEqual(withConfigMap ? ['configmap/settings created'] : []);
  expect(cluster.store.get('ConfigMap', 'default', 'settings') !== undefined).toBe(withConfigMap);
  expect(cluster.store.get('Deployment', 'default', 'web')).toBeUndefined();
  return errors;
}

describe('kubectl apply: each document applied or refused on its own, every error listed', () => {
  it('a YAML syntax error: kubectl counts lines from the document start; the suffix gives the file position', () => {
    const errors = rejected(configMap + 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n   labels: x\n');
    expect(errors).toEqual([
      'error: error parsing web.yaml: error converting YAML to JSON: yaml: line 5: mapping values are not allowed in this context (web.yaml:12:10, document 2)',
    ]);
  });

  it('an unknown kind', () => {
    const errors = rejected(configMap + deployment().replace('kind: Deployment', 'kind: Deploymnt'));
    expect(errors).toEqual([
      'error: resource mapping not found for name: "web" namespace: "" from "web.yaml": no matches for kind "Deploymnt" in version "apps/v1" (web.yaml:9:7, document 2, field kind)\nensure CRDs are installed first',
    ]);
  });

  it('a known kind in the wrong version', () => {
    const errors = rejected(deployment().replace('apps/v1', 'apps/v1beta2'));
    expect(errors).toEqual([
      'error: resource mapping not found for name: "web" namespace: "" from "web.yaml": no matches for kind "Deployment" in version "apps/v1beta2" (web.yaml:1:13, document 1, field apiVersion)\nensure CRDs are installed first',
    ]);
  });

  it('an unknown field, pointed at its key', () => {
    const errors = rejected(configMap + deployment().replace('  replicas: 2', '  replica: 2'));
    expect(errors).toEqual([
      'Error from server (BadRequest): error when creating "web.yaml": Deployment in version "v1" cannot be handled as a Deployment: strict decoding error: unknown field "spec.replica" (web.yaml:13:3, document 2)',
    ]);
  });

  it('an unknown field deep in a list names the item', () => {
    const errors = rejected(deployment('\n        imagePullPolicyy: Always'));
    expect(errors).toEqual([
      'Error from server (BadRequest): error when creating "web.yaml": Deployment in version "v1" cannot be handled as a Deployment: strict decoding error: unknown field "spec.template.spec.containers[0].imagePullPolicyy" (web.yaml:18:9, document 1)',
    ]);
  });

  it('a wrong type and an oversized number, in the Go decoder\'s words', () => {
    expect(rejected(deployment('', 'three'))).toEqual([
      'Error from server (BadRequest): error when creating "web.yaml": Deployment in version "v1" cannot be handled as a Deployment: json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32 (web.yaml:6:13, document 1, field spec.replicas)',
    ]);
    expect(rejected(deployment('', '99999999999'))).toEqual([
      'Error from server (BadRequest): error when creating "web.yaml": Deployment in version "v1" cannot be handled as a Deployment: json: cannot unmarshal number 99999999999 into Go struct field DeploymentSpec.spec.replicas of type int32 (web.yaml:6:13, document 1, field spec.replicas)',
    ]);
  });

  it('a label value that is a number', () => {
    const errors = rejected(deployment().replace('        app: web\n    spec', '        app: web\n        version: 1.0\n    spec'));
    expect(errors).toEqual([
      'Error from server (BadRequest): error when creating "web.yaml": Deployment in version "v1" cannot be handled as a Deployment: json: cannot unmarshal number into Go struct field ObjectMeta.spec.template.metadata.labels of type string (web.yaml:14:18, document 1, field spec.template.metadata.labels.version)',
    ]);
  });

  it('an invalid value', () => {
    expect(rejected(configMap + deployment('', '-1'))).toEqual([
      'The Deployment "web" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0 (web.yaml:13:13, document 2)',
    ]);
  });

  it('a selector that does not select the template', () => {
    const errors = rejected(deployment().replace('      app: web\n  template', '      app: api\n  template'));
    expect(errors).toEqual([
      'The Deployment "web" is invalid: spec.template.metadata.labels: Invalid value: {"app":"web"}: `selector` does not match template `labels` (web.yaml:13:9, document 1)',
    ]);
  });

  it("a Deployment's selector is immutable: the same labels in another order apply, other labels are refused", () => {
    const cluster = new Cluster();
    const withSelector = (labels: string) => deployment().replace('      app: web\n  template', `${labels}\n  template`).replace('        app: web\n    spec', '        app: web\n        tier: fe\n    spec');
    expect(applyManifests(cluster, withSelector('      app: web\n      tier: fe'), 'web.yaml').errors).toEqual([]);
    expect(applyManifests(cluster, withSelector('      tier: fe\n      app: web'), 'web.yaml')).toMatchObject({ lines: ['deployment.apps/web unchanged'], errors: [] });
    expect(applyManifests(cluster, withSelector('      app: web'), 'web.yaml').errors).toEqual([
      'The Deployment "web" is invalid: spec.selector: Invalid value: {"matchLabels":{"app":"web"}}: field is immutable (web.yaml:8:5, document 1)',
    ]);
  });

  it('an empty matchExpressions is the same selector as none, as the API server compares them (Semantic.DeepEqual)', () => {
    const cluster = new Cluster();
    const withExpressions = deployment().replace('      app: web\n  template', '      app: web\n    matchExpressions: []\n  template');
    expect(applyManifests(cluster, withExpressions, 'web.yaml').errors).toEqual([]);
    expect(applyManifests(cluster, deployment(), 'web.yaml')).toMatchObject({ lines: ['deployment.apps/web configured'], errors: [] });
    expect(applyManifests(cluster, withExpressions, 'web.yaml')).toMatchObject({ lines: ['deployment.apps/web configured'], errors: [] });
    // A label with an empty value is still part of the selector.
    const emptyLabel = (yaml: string) => yaml.replace('      app: web\n  template', '      app: web\n      tier: ""\n  template').replace('        app: web\n    spec', '        app: web\n        tier: ""\n    spec');
    const other = new Cluster();
    expect(applyManifests(other, emptyLabel(deployment()), 'web.yaml').errors).toEqual([]);
    expect(applyManifests(other, deployment().replace('        app: web\n    spec', '        app: web\n        tier: ""\n    spec'), 'web.yaml').errors).toEqual([
      'The Deployment "web" is invalid: spec.selector: Invalid value: {"matchLabels":{"app":"web"}}: field is immutable (web.yaml:8:5, document 1)',
    ]);
  });

  it('ports out of range and a bad probe: one Invalid error, its causes listed under one heading', () => {
    const errors = rejected(deployment('\n        ports:\n        - containerPort: 70000\n        livenessProbe:\n          periodSeconds: -5'));
    expect(errors).toEqual([
      'The Deployment "web" is invalid: \n' +
        '* spec.template.spec.containers[0].ports[0].containerPort: Invalid value: 70000: must be between 1 and 65535, inclusive (web.yaml:19:26, document 1)\n' +
        '* spec.template.spec.containers[0].livenessProbe: Required value: must specify a handler type (web.yaml:21:11, document 1)\n' +
        '* spec.template.spec.containers[0].livenessProbe.periodSeconds: Invalid value: -5: must be greater than or equal to 0 (web.yaml:21:26, document 1)',
    ]);
  });

  it('a name that is not a DNS-1123 subdomain', () => {
    const errors = rejected(deployment().replace('name: web\nspec', 'name: Web\nspec'));
    expect(errors).toEqual([
      `The Deployment "Web" is invalid: metadata.name: Invalid value: "Web": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*') (web.yaml:4:9, document 1)`,
    ]);
  });

  it('a namespace that does not exist', () => {
    const errors = rejected(configMap + deployment().replace('name: web\nspec', 'name: web\n  namespace: shop\nspec'));
    expect(errors).toEqual([
      'Error from server (NotFound): error when creating "web.yaml": namespaces "shop" not found (web.yaml:12:14, document 2, field metadata.namespace)',
    ]);
  });

  it('a namespace created earlier in the same file is fine', () => {
    const cluster = new Cluster();
    const text = 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n---\n' + deployment().replace('name: web\nspec', 'name: web\n  namespace: shop\nspec');
    expect(applyManifests(cluster, text, 'web.yaml')).toEqual({ lines: ['namespace/shop created', 'deployment.apps/web created'], errors: [], warnings: [] });
  });

  it('reports every problem of every document: the unmapped kind first, then the server\'s answers, as MultipleErrors lists them', () => {
    const errors = rejected(deployment('', '-1') + '---\n' + deployment().replace('kind: Deployment', 'kind: Deploymnt'));
    expect(errors).toEqual([
      'resource mapping not found for name: "web" namespace: "" from "web.yaml": no matches for kind "Deploymnt" in version "apps/v1" (web.yaml:20:7, document 2, field kind)',
      'Error from server (Invalid): error when creating "web.yaml": Deployment.apps "web" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0 (web.yaml:6:13, document 1)',
    ]);
  });

  it('a syntax error stops the reading; the documents before it are applied', () => {
    const cluster = new Cluster();
    const text = configMap + 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n   labels: x\n---\n' + deployment();
    const { lines, errors } = applyManifests(cluster, text, 'web.yaml');
    expect(lines).toEqual(['configmap/settings created']);
    expect(errors).toHaveLength(1);
    expect(cluster.store.get('Deployment', 'default', 'web')).toBeUndefined();
  });
});
