/**
 * The Kubernetes manifests under deploy/, as `kubectl apply -k deploy/overlays/<name>` would
 * send them: each overlay is rendered with `kubectl kustomize` (kubectl is required — a missing
 * kubectl fails this suite), every object is validated against the Kubernetes OpenAPI schema
 * (kubernetes-models), and the settings the app depends on are checked: ports and probe paths,
 * security context, shutdown timing, and the per-overlay topology (SQLite: one pod on a PVC;
 * PostgreSQL: several pods with an HPA and a PDB).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { IDeployment } from 'kubernetes-models/apps/v1/Deployment';
import type { IHorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler';
import type { IPodDisruptionBudget } from 'kubernetes-models/policy/v1/PodDisruptionBudget';
import type { IContainer } from 'kubernetes-models/v1/Container';
import type { IPersistentVolumeClaim } from 'kubernetes-models/v1/PersistentVolumeClaim';
import type { ISecret } from 'kubernetes-models/v1/Secret';
import type { IService } from 'kubernetes-models/v1/Service';
import { last, parseDockerfile } from './support/deploy/dockerfile.js';
import { describeObject, validateAgainstSchema } from './support/deploy/k8s-schema.js';
import { DEPLOY_DIR, REPO_ROOT, findKubectl, parseManifests, renderOverlay } from './support/deploy/kustomize.js';
import {
  Manifests,
  appContainer,
  effectiveEnv,
  literal,
  resolveContainerPort,
  selects,
  type EnvSource,
} from './support/deploy/manifests.js';

const APP_PORT = 3001;
const APP_UID = 1000;
const GRACE_SECONDS = 30;
const SECRET_NAME = 'whatsapp-webhook-secrets';
const OVERLAYS = ['sqlite', 'postgres'] as const;
type Overlay = (typeof OVERLAYS)[number];

const rendered = new Map<Overlay, Manifests>();
/** Renders each overlay once (kubectl runs in beforeAll, so a missing kubectl fails every test). */
function manifests(overlay: Overlay): Manifests {
  const found = rendered.get(overlay);
  if (!found) throw new Error(`overlay ${overlay} was not rendered`);
  return found;
}

beforeAll(() => {
  findKubectl(); // the clear "kubectl is required" error, before any rendering is attempted
  for (const overlay of OVERLAYS) rendered.set(overlay, new Manifests(renderOverlay(overlay)));
});

function deploymentOf(overlay: Overlay): IDeployment {
  return manifests(overlay).one<IDeployment>('Deployment');
}

function containerOf(overlay: Overlay): IContainer {
  return appContainer(deploymentOf(overlay));
}

function envOf(overlay: Overlay): Map<string, EnvSource> {
  return effectiveEnv(containerOf(overlay), manifests(overlay));
}

describe('schema validator (sanity)', () => {
  it('rejects an invalid object and an unknown kind, so a passing validation means something', () => {
    const invalid = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'broken' },
      spec: { replicas: 'three', selector: {}, template: { spec: {} } },
    };
    expect(() => validateAgainstSchema(invalid)).toThrow(/apps\/v1\/Deployment broken does not match/);
    expect(() => validateAgainstSchema({ apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'w' } })).toThrow(
      /no schema registered for "example.com\/v1\/Widget"/,
    );
    expect(() => validateAgainstSchema({ apiVersion: 'autoscaling/v1', kind: 'HorizontalPodAutoscaler' })).toThrow(
      /no schema registered/,
    );
  });
});

describe.each(OVERLAYS)('deploy/overlays/%s (common)', (overlay) => {
  it('renders only known kinds, each valid against the Kubernetes schema', () => {
    const objects = manifests(overlay).objects;
    expect(objects.length).toBeGreaterThan(0);
    const problems: string[] = [];
    for (const obj of objects) {
      try {
        validateAgainstSchema(obj);
      } catch (error) {
        problems.push((error as Error).message);
      }
    }
    expect(problems).toEqual([]);
  });

  it('has unique object names per kind and one Deployment, Service and ConfigMap', () => {
    const ids = manifests(overlay).objects.map(describeObject);
    expect(new Set(ids).size).toBe(ids.length);
    expect(manifests(overlay).ofKind('Deployment')).toHaveLength(1);
    expect(manifests(overlay).ofKind('Service')).toHaveLength(1);
    expect(manifests(overlay).ofKind('ConfigMap')).toHaveLength(1);
  });

  it('commits no Secret: secret values come from a Secret the operator creates', () => {
    expect(manifests(overlay).ofKind('Secret')).toEqual([]);
    const env = envOf(overlay);
    expect(env.get('WHATSAPP_WEBHOOK_SECRET')).toEqual({
      from: 'secret',
      name: SECRET_NAME,
      key: 'WHATSAPP_WEBHOOK_SECRET',
      optional: false,
    });
    expect(env.get('ADMIN_TOKEN')).toEqual({ from: 'secret', name: SECRET_NAME, key: 'ADMIN_TOKEN', optional: true });
  });

  it('runs the app in production mode on port 3001', () => {
    const env = envOf(overlay);
    expect(literal(env, 'NODE_ENV')).toBe('production');
    const port = literal(env, 'PORT');
    if (port !== undefined) expect(Number(port)).toBe(APP_PORT);
  });

  it('exposes container port 3001 named http and probes /health/live and /health/ready on it', () => {
    const container = containerOf(overlay);
    expect(container.ports).toEqual([expect.objectContaining({ name: 'http', containerPort: APP_PORT })]);

    const probes = {
      liveness: container.livenessProbe,
      readiness: container.readinessProbe,
      startup: container.startupProbe,
    };
    const expectedPaths = { liveness: '/health/live', readiness: '/health/ready', startup: '/health/live' };
    for (const [kind, probe] of Object.entries(probes)) {
      expect({ kind, path: probe?.httpGet?.path }).toEqual({ kind, path: expectedPaths[kind as keyof typeof probes] });
      expect({ kind, port: resolveContainerPort(container, probe?.httpGet?.port)?.containerPort }).toEqual({ kind, port: APP_PORT });
    }
    // The startup probe must give boot (and migrations) a real budget before liveness applies.
    const startup = container.startupProbe!;
    expect((startup.periodSeconds ?? 10) * (startup.failureThreshold ?? 3)).toBeGreaterThanOrEqual(30);
  });

  it('has a Service on port 80 targeting the container port and selecting the pods', () => {
    const service = manifests(overlay).one<IService>('Service');
    const deployment = deploymentOf(overlay);
    const ports = service.spec?.ports ?? [];
    expect(ports).toHaveLength(1);
    expect(ports[0].port).toBe(80);
    expect(resolveContainerPort(containerOf(overlay), ports[0].targetPort)?.containerPort).toBe(APP_PORT);
    expect(selects(service.spec?.selector, deployment.spec?.template.metadata?.labels)).toBe(true);
    expect(selects(deployment.spec?.selector.matchLabels, deployment.spec?.template.metadata?.labels)).toBe(true);
  });

  it('runs non-root with a read-only root filesystem, no privilege escalation, no capabilities, RuntimeDefault seccomp', () => {
    const pod = deploymentOf(overlay).spec!.template.spec!;
    expect(pod.securityContext).toEqual(
      expect.objectContaining({ runAsNonRoot: true, runAsUser: APP_UID, seccompProfile: { type: 'RuntimeDefault' } }),
    );
    const container = containerOf(overlay);
    expect(container.securityContext).toEqual(
      expect.objectContaining({
        runAsNonRoot: true,
        runAsUser: APP_UID,
        readOnlyRootFilesystem: true,
        allowPrivilegeEscalation: false,
        capabilities: expect.objectContaining({ drop: ['ALL'] }),
        seccompProfile: { type: 'RuntimeDefault' },
      }),
    );
    expect(container.securityContext?.capabilities?.add ?? []).toEqual([]);
    expect(container.securityContext?.privileged ?? false).toBe(false);
  });

  it('mounts an emptyDir at /tmp (the root filesystem is read-only)', () => {
    const pod = deploymentOf(overlay).spec!.template.spec!;
    const mount = containerOf(overlay).volumeMounts?.find((m) => m.mountPath === '/tmp');
    expect(mount).toBeDefined();
    const volume = pod.volumes?.find((v) => v.name === mount!.name);
    expect(volume?.emptyDir).toBeDefined();
  });

  it('runs as the same UID the Dockerfile sets with USER', () => {
    const dockerfile = parseDockerfile(readFileSync(join(REPO_ROOT, 'Dockerfile'), 'utf8'));
    const user = last(dockerfile.stages.at(-1)!, 'USER')?.args ?? '';
    expect(Number(user.split(':')[0])).toBe(deploymentOf(overlay).spec!.template.spec!.securityContext!.runAsUser);
  });

  it('sets CPU and memory requests and limits', () => {
    const resources = containerOf(overlay).resources;
    for (const kind of ['requests', 'limits'] as const) {
      expect(Object.keys(resources?.[kind] ?? {}).sort()).toEqual(expect.arrayContaining(['cpu', 'memory']));
    }
  });

  it(`gives ${GRACE_SECONDS}s to terminate, longer than the app's drain delay plus shutdown timeout`, () => {
    expect(deploymentOf(overlay).spec!.template.spec!.terminationGracePeriodSeconds).toBe(GRACE_SECONDS);
    const env = envOf(overlay);
    const timeout = literal(env, 'SHUTDOWN_TIMEOUT_MS');
    const drain = literal(env, 'SHUTDOWN_DRAIN_DELAY_MS');
    if (timeout !== undefined) {
      expect(Number(timeout)).toBeGreaterThan(0);
      expect(Number(timeout)).toBeLessThan(GRACE_SECONDS * 1000);
      // Stricter: drain first, then shutdown — both must fit before the kubelet's SIGKILL.
      expect(Number(timeout) + Number(drain ?? 0)).toBeLessThan(GRACE_SECONDS * 1000);
    }
  });

  it('pins the image to a tag or digest (not "latest")', () => {
    const image = containerOf(overlay).image ?? '';
    expect(image).toMatch(/^[\w./-]+(:[\w.-]+|@sha256:[a-f0-9]{64}|:[\w.-]+@sha256:[a-f0-9]{64})$/);
    expect(image).not.toMatch(/:latest$/);
  });
});

describe('deploy/overlays/sqlite', () => {
  it('runs exactly one replica with the Recreate strategy', () => {
    const spec = deploymentOf('sqlite').spec!;
    expect(spec.replicas).toBe(1);
    expect(spec.strategy).toEqual({ type: 'Recreate' });
    expect(manifests('sqlite').ofKind('HorizontalPodAutoscaler')).toEqual([]);
  });

  it('mounts a PersistentVolumeClaim at /data', () => {
    const mount = containerOf('sqlite').volumeMounts?.find((m) => m.mountPath === '/data');
    expect(mount).toBeDefined();
    expect(mount!.readOnly ?? false).toBe(false);
    const volume = deploymentOf('sqlite').spec!.template.spec!.volumes?.find((v) => v.name === mount!.name);
    const claimName = volume?.persistentVolumeClaim?.claimName;
    expect(claimName).toBeDefined();
    const claim = manifests('sqlite').named<IPersistentVolumeClaim>('PersistentVolumeClaim', claimName!);
    expect(claim).toBeDefined();
    expect(claim!.spec?.accessModes).toContain('ReadWriteOnce');
    expect(claim!.spec?.resources?.requests?.storage).toBeDefined();
  });

  it('makes the volume writable for the app user (fsGroup)', () => {
    expect(deploymentOf('sqlite').spec!.template.spec!.securityContext?.fsGroup).toBe(APP_UID);
  });

  it('points DATABASE_URL at the SQLite file on that volume', () => {
    expect(literal(envOf('sqlite'), 'DATABASE_URL')).toBe('sqlite:/data/webhooks.db');
  });
});

describe('deploy/overlays/postgres', () => {
  it('runs several replicas with a RollingUpdate that keeps capacity', () => {
    const spec = deploymentOf('postgres').spec!;
    expect(spec.replicas).toBeGreaterThan(1);
    expect(spec.strategy?.type).toBe('RollingUpdate');
    expect(spec.strategy?.rollingUpdate?.maxUnavailable).toBe(0);
  });

  it('reads DATABASE_URL (a postgres URL with a password) from the Secret, not the ConfigMap', () => {
    expect(envOf('postgres').get('DATABASE_URL')).toEqual({
      from: 'secret',
      name: SECRET_NAME,
      key: 'DATABASE_URL',
      optional: false,
    });
  });

  it('does not keep the inbox on a PersistentVolumeClaim', () => {
    expect(manifests('postgres').ofKind('PersistentVolumeClaim')).toEqual([]);
    const volumes = deploymentOf('postgres').spec!.template.spec!.volumes ?? [];
    expect(volumes.filter((volume) => volume.persistentVolumeClaim)).toEqual([]);
  });

  it('has an autoscaling/v2 HPA on CPU targeting the Deployment by name', () => {
    const hpa = manifests('postgres').one<IHorizontalPodAutoscaler>('HorizontalPodAutoscaler');
    const deployment = deploymentOf('postgres');
    expect(hpa.apiVersion).toBe('autoscaling/v2');
    expect(hpa.spec?.scaleTargetRef).toEqual({ apiVersion: 'apps/v1', kind: 'Deployment', name: deployment.metadata?.name });
    expect(hpa.spec?.minReplicas).toBeGreaterThan(1);
    expect(hpa.spec?.maxReplicas).toBeGreaterThanOrEqual(hpa.spec?.minReplicas ?? 1);
    expect(deployment.spec?.replicas).toBeGreaterThanOrEqual(hpa.spec?.minReplicas ?? 1);
    expect(hpa.spec?.metrics).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ type: 'Resource', resource: expect.objectContaining({ name: 'cpu' }) }),
      ]),
    );
    // CPU utilization is measured against the request.
    expect(containerOf('postgres').resources?.requests?.cpu).toBeDefined();
  });

  it('has a policy/v1 PDB whose selector matches the pod labels and allows a drain', () => {
    const pdb = manifests('postgres').one<IPodDisruptionBudget>('PodDisruptionBudget');
    const deployment = deploymentOf('postgres');
    expect(pdb.apiVersion).toBe('policy/v1');
    expect(pdb.spec?.selector?.matchExpressions ?? []).toEqual([]);
    expect(selects(pdb.spec?.selector?.matchLabels, deployment.spec?.template.metadata?.labels)).toBe(true);
    const { minAvailable, maxUnavailable } = pdb.spec ?? {};
    expect(minAvailable !== undefined || maxUnavailable !== undefined).toBe(true);
    // A budget that can never be satisfied would block every node drain.
    if (typeof minAvailable === 'number') expect(minAvailable).toBeLessThan(deployment.spec!.replicas!);
    if (typeof maxUnavailable === 'number') expect(maxUnavailable).toBeGreaterThanOrEqual(1);
  });
});

describe('deploy/secret.example.yaml', () => {
  const path = join(DEPLOY_DIR, 'secret.example.yaml');

  it('is a valid Secret with the referenced name, no real values, and is in no kustomization', () => {
    const [secret, ...rest] = parseManifests(readFileSync(path, 'utf8'), 'deploy/secret.example.yaml');
    expect(rest).toEqual([]);
    validateAgainstSchema(secret);
    const typed = secret as unknown as ISecret;
    expect(typed.metadata?.name).toBe(SECRET_NAME);
    expect(Object.keys(typed.stringData ?? {})).toEqual(expect.arrayContaining(['WHATSAPP_WEBHOOK_SECRET']));
    for (const value of [...Object.values(typed.stringData ?? {}), ...Object.values(typed.data ?? {})]) expect(value).toBe('');

    for (const dir of ['base', 'overlays/sqlite', 'overlays/postgres']) {
      const kustomization = parseYaml(readFileSync(join(DEPLOY_DIR, dir, 'kustomization.yaml'), 'utf8')) as Record<string, unknown>;
      const listed = ['resources', 'components', 'patches', 'patchesStrategicMerge', 'secretGenerator']
        .flatMap((field) => (Array.isArray(kustomization[field]) ? (kustomization[field] as unknown[]) : []))
        .map((entry) => JSON.stringify(entry));
      expect({ dir, listed: listed.filter((entry) => entry.includes('secret.example')) }).toEqual({ dir, listed: [] });
    }
  });
});
