import { ConfigMap } from 'kubernetes-models/v1/ConfigMap';
import { PersistentVolumeClaim } from 'kubernetes-models/v1/PersistentVolumeClaim';
import { Secret } from 'kubernetes-models/v1/Secret';
import { Service } from 'kubernetes-models/v1/Service';
import { Deployment } from 'kubernetes-models/apps/v1/Deployment';
import { HorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1/PodDisruptionBudget';

/** A rendered manifest object, before it is known to be valid. */
export type K8sObject = { apiVersion?: unknown; kind?: unknown; metadata?: { name?: unknown }; [key: string]: unknown };

type ModelClass = new (data: never) => { validate(): void };

/**
 * Every kind the manifests may contain, keyed by `apiVersion/kind`. Deliberately a closed list:
 * a kind (or an API version) that is not here fails the test, so a new object is never shipped
 * without its schema being checked.
 */
const MODELS: ReadonlyMap<string, ModelClass> = new Map<string, ModelClass>(
  [ConfigMap, PersistentVolumeClaim, Secret, Service, Deployment, HorizontalPodAutoscaler, PodDisruptionBudget].map(
    (model) => [`${model.apiVersion}/${model.kind}`, model as unknown as ModelClass],
  ),
);

export function describeObject(obj: K8sObject): string {
  const name = typeof obj.metadata?.name === 'string' ? obj.metadata.name : '<unnamed>';
  return `${String(obj.apiVersion)}/${String(obj.kind)} ${name}`;
}

/**
 * Validates one object against the Kubernetes OpenAPI schema shipped in `kubernetes-models`.
 * Throws (with the object's identity in the message) when the kind is unknown or the object is
 * invalid.
 */
export function validateAgainstSchema(obj: K8sObject): void {
  const key = `${String(obj.apiVersion)}/${String(obj.kind)}`;
  const Model = MODELS.get(key);
  if (!Model) {
    throw new Error(
      `${describeObject(obj)}: no schema registered for "${key}". Add its kubernetes-models class to ` +
        `test/support/deploy/k8s-schema.ts (known: ${[...MODELS.keys()].join(', ')}).`,
    );
  }
  try {
    new Model(obj as never).validate();
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new Error(`${describeObject(obj)} does not match the Kubernetes schema: ${detail}`);
  }
}
