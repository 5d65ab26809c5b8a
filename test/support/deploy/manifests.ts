import type { IConfigMap } from 'kubernetes-models/v1/ConfigMap';
import type { IContainer } from 'kubernetes-models/v1/Container';
import type { IContainerPort } from 'kubernetes-models/v1/ContainerPort';
import type { IDeployment } from 'kubernetes-models/apps/v1/Deployment';
import type { K8sObject } from './k8s-schema.js';

/** Typed lookups over one rendered overlay. */
export class Manifests {
  constructor(readonly objects: readonly K8sObject[]) {}

  ofKind<T>(kind: string): T[] {
    return this.objects.filter((obj) => obj.kind === kind) as unknown as T[];
  }

  /** The single object of a kind; fails when there are none or several. */
  one<T>(kind: string): T {
    const found = this.ofKind<T>(kind);
    if (found.length !== 1) throw new Error(`expected exactly one ${kind}, found ${found.length}`);
    return found[0];
  }

  named<T>(kind: string, name: string): T | undefined {
    return this.ofKind<T & { metadata?: { name?: string } }>(kind).find((obj) => obj.metadata?.name === name);
  }
}

/** The Deployment's only container (the manifests run one container per pod). */
export function appContainer(deployment: IDeployment): IContainer {
  const containers = deployment.spec?.template.spec?.containers ?? [];
  if (containers.length !== 1) throw new Error(`expected one container, found ${containers.length}`);
  return containers[0];
}

/** What an environment variable is set to, as far as the manifests alone can tell. */
export type EnvSource =
  | { readonly from: 'value'; readonly value: string }
  | { readonly from: 'configMap'; readonly name: string; readonly key: string; readonly value: string }
  | { readonly from: 'secret'; readonly name: string; readonly key: string; readonly optional: boolean }
  | { readonly from: 'other' };

/**
 * The container's effective environment: `envFrom` ConfigMaps resolved against the rendered
 * ConfigMaps (kustomize's hashed names included), then `env` entries, which win — the same
 * precedence the kubelet applies.
 */
export function effectiveEnv(container: IContainer, manifests: Manifests): Map<string, EnvSource> {
  const env = new Map<string, EnvSource>();
  for (const source of container.envFrom ?? []) {
    const ref = source.configMapRef;
    if (!ref) continue;
    const configMap = manifests.named<IConfigMap>('ConfigMap', ref.name ?? '');
    if (!configMap) {
      if (ref.optional) continue;
      throw new Error(`envFrom references ConfigMap "${ref.name}", which the overlay does not render`);
    }
    for (const [key, value] of Object.entries(configMap.data ?? {})) {
      env.set(`${source.prefix ?? ''}${key}`, { from: 'configMap', name: ref.name ?? '', key, value });
    }
  }
  for (const entry of container.env ?? []) {
    if (entry.value !== undefined) env.set(entry.name, { from: 'value', value: entry.value });
    else if (entry.valueFrom?.secretKeyRef) {
      const ref = entry.valueFrom.secretKeyRef;
      env.set(entry.name, { from: 'secret', name: ref.name ?? '', key: ref.key, optional: ref.optional ?? false });
    } else if (entry.valueFrom?.configMapKeyRef) {
      const ref = entry.valueFrom.configMapKeyRef;
      const value = manifests.named<IConfigMap>('ConfigMap', ref.name ?? '')?.data?.[ref.key];
      env.set(entry.name, value === undefined ? { from: 'other' } : { from: 'configMap', name: ref.name ?? '', key: ref.key, value });
    } else {
      env.set(entry.name, { from: 'value', value: '' });
    }
  }
  return env;
}

/** A literal value (plain or from a ConfigMap), or undefined when unset or not literal. */
export function literal(env: ReadonlyMap<string, EnvSource>, name: string): string | undefined {
  const source = env.get(name);
  return source && (source.from === 'value' || source.from === 'configMap') ? source.value : undefined;
}

/** The container port a probe/Service port refers to: by number or by the port's name. */
export function resolveContainerPort(container: IContainer, port: number | string | undefined): IContainerPort | undefined {
  const ports = container.ports ?? [];
  if (typeof port === 'number') return ports.find((candidate) => candidate.containerPort === port);
  if (typeof port === 'string' && /^\d+$/.test(port)) return ports.find((candidate) => candidate.containerPort === Number(port));
  return ports.find((candidate) => candidate.name === port);
}

/** True when every `key: value` of `selector` is among `labels`. */
export function selects(selector: Record<string, string> | undefined, labels: Record<string, string> | undefined): boolean {
  const wanted = Object.entries(selector ?? {});
  return wanted.length > 0 && wanted.every(([key, value]) => labels?.[key] === value);
}
