/**
 * The Ingress chapter's clusters, shared by the chapter and its entries in components/widgets.ts:
 * the two cafe apps, their Ingress, its TLS Secret and a client Pod; with or without the
 * ingress controller installed.
 */
import type { Action } from '../live/scenario';
import cafe from '../../sim/scenarios/ingress/cafe.yaml?raw';
import cafeIngress from '../../sim/scenarios/ingress/cafe-ingress.yaml?raw';
import exampleTls from '../../sim/scenarios/ingress/example-tls.yaml?raw';
import client from '../../sim/scenarios/ingress/client.yaml?raw';
import nginxIngress from '../../sim/scenarios/ingress/nginx-ingress.yaml?raw';

/** The apps, the Ingress and what TLS needs, and no controller: applied as cafe.yaml. */
export const cafeApps = [cafe, cafeIngress, exampleTls, client].join('---\n');

/** The controller first, then the apps: applied as cafe.yaml. */
export const cafeWithController = [nginxIngress, cafeApps].join('---\n');

/** Puts nginx-ingress.yaml beside the apps before the reader comes, so `kubectl apply -f nginx-ingress.yaml` finds it. */
export const saveControllerFile: Action[] = [{ at: 0, command: 'kubectl get ingressclass', files: { 'nginx-ingress.yaml': nginxIngress } }];
