/**
 * The cluster of "Who does what" and the decision matrix: one app exposed every way Part 2
 * compares (ClusterIP, NodePort, LoadBalancer), the ingress controller with the cafe apps behind
 * their Ingress, and a client Pod: every layer has something live to show.
 */
import type { DecisionObjects } from '../views/decision-matrix';
import web from '../../sim/scenarios/who-does-what/web.yaml?raw';
import { cafeWithController } from './ingress';

/** Applied as web.yaml. */
export const exposedEveryWay = [web, cafeWithController].join('---\n');

/** Which objects stand for each answer of the decision matrix. */
export const decisionObjects: DecisionObjects = { clusterIP: 'web', nodePort: 'web-nodeport', loadBalancer: 'web-lb', ingress: 'cafe' };
