import { execFileSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseAllDocuments } from 'yaml';
import type { K8sObject } from './k8s-schema.js';

export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const DEPLOY_DIR = join(REPO_ROOT, 'deploy');

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * kubectl renders the overlays exactly as `kubectl apply -k` will. It is a hard requirement: the
 * manifests are only tested if they can be rendered, so a missing kubectl fails (never skips).
 */
export function findKubectl(): string {
  const candidates = [
    process.env.KUBECTL,
    '/usr/bin/kubectl',
    ...(process.env.PATH ?? '').split(delimiter).filter(Boolean).map((dir) => join(dir, 'kubectl')),
  ].filter((candidate): candidate is string => Boolean(candidate));
  const found = candidates.find(isExecutable);
  if (!found) {
    throw new Error(
      'kubectl is required to test the Kubernetes manifests (it renders deploy/overlays/* with ' +
        '`kubectl kustomize`), but it was not found at $KUBECTL, /usr/bin/kubectl or on PATH. ' +
        'Install kubectl (https://kubernetes.io/docs/tasks/tools/) or set KUBECTL=/path/to/kubectl.',
    );
  }
  return found;
}

/** Parses a multi-document YAML stream into plain objects; any YAML error fails loudly. */
export function parseManifests(text: string, source: string): K8sObject[] {
  return parseAllDocuments(text)
    .map((doc, index) => {
      if (doc.errors.length > 0) {
        throw new Error(`${source}: YAML document #${index + 1} is invalid: ${doc.errors.map((e) => e.message).join('; ')}`);
      }
      return doc.toJS() as unknown;
    })
    .filter((value): value is K8sObject => value !== null && value !== undefined)
    .map((value, index) => {
      if (typeof value !== 'object' || Array.isArray(value)) {
        throw new Error(`${source}: YAML document #${index + 1} is not a mapping`);
      }
      return value;
    });
}

/** `kubectl kustomize deploy/overlays/<overlay>`, parsed. */
export function renderOverlay(overlay: string): K8sObject[] {
  const kubectl = findKubectl();
  const dir = join(DEPLOY_DIR, 'overlays', overlay);
  let output: string;
  try {
    output = execFileSync(kubectl, ['kustomize', dir], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: 60_000,
      maxBuffer: 16 * 1024 * 1024,
    });
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr ?? '';
    throw new Error(`\`kubectl kustomize ${dir}\` failed: ${stderr || (error as Error).message}`);
  }
  return parseManifests(output, `kubectl kustomize deploy/overlays/${overlay}`);
}
