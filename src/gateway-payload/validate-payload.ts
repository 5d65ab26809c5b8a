import { plainToInstance, type ClassConstructor, type ClassTransformOptions } from 'class-transformer';
import { validateSync, type ValidationError, type ValidatorOptions } from 'class-validator';
import type { JsonRecord } from './plain-json.js';

/**
 * Unknown keys are allowed (the gateway adds keys often). Built once: these options are read
 * on every delivery, on the ack path.
 */
const VALIDATOR_OPTIONS: ValidatorOptions = Object.freeze({
  whitelist: false,
  forbidUnknownValues: false,
  validationError: { target: false, value: true },
});
const TRANSFORM_OPTIONS: ClassTransformOptions = Object.freeze({
  enableImplicitConversion: false,
  exposeDefaultValues: false,
});

/** Enough to locate the problems; a broken payload can otherwise yield hundreds. */
const MAX_PROBLEMS = 8;

export type ValidationResult<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly problems: readonly string[] };

/** Builds the DTO from the payload and checks it; problems name fields and rules, never values. */
export function validatePayload<T extends object>(dto: ClassConstructor<T>, payload: JsonRecord): ValidationResult<T> {
  const instance = plainToInstance(dto, payload, TRANSFORM_OPTIONS);
  const errors = validateSync(instance, VALIDATOR_OPTIONS);
  if (errors.length === 0) return { ok: true, value: instance };
  return { ok: false, problems: describeErrors(errors, '').slice(0, MAX_PROBLEMS) };
}

function describeErrors(errors: readonly ValidationError[], prefix: string): string[] {
  return errors.flatMap((error) => {
    const path = `${prefix}${error.property}`;
    const own = error.constraints === undefined ? [] : [describeConstraint(path, error)];
    return [...own, ...describeErrors(error.children ?? [], `${path}.`)];
  });
}

/** `value` is looked at only to tell "missing" from "wrong"; it is never written out. */
function describeConstraint(path: string, error: ValidationError): string {
  if (error.value === undefined) return `${path} is required`;
  return `${path} fails ${Object.keys(error.constraints ?? {}).join(', ')}`;
}
