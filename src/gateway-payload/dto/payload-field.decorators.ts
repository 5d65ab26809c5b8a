import { Type } from 'class-transformer';
import {
  ArrayNotEmpty,
  IsArray,
  IsBoolean,
  IsNotEmpty,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  ValidateBy,
  ValidateNested,
} from 'class-validator';
import { isGatewayTimestamp } from '../gateway-timestamp.js';
import { isRecord } from '../plain-json.js';

/**
 * The few field shapes every payload DTO is built from. Each decorator pair is named after the
 * contract's wording ("required string", "optional boolean"), so a DTO reads like its table row.
 * `IsOptional` skips only absent fields (nulls were dropped before), and any present value is
 * type-checked: a wrong type makes the delivery unrecognised.
 */
function compose(...decorators: PropertyDecorator[]): PropertyDecorator {
  return (target, key) => {
    for (const decorate of decorators) decorate(target, key);
  };
}

const FINITE = { allowNaN: false, allowInfinity: false } as const;
const MEDIA_OBJECT_KEYS = ['path', 'url', 'caption', 'filename', 'mime_type'] as const;

export const RequiredString = (): PropertyDecorator => compose(IsString(), IsNotEmpty());
export const OptionalString = (): PropertyDecorator => compose(IsOptional(), IsString());
export const RequiredBoolean = (): PropertyDecorator => IsBoolean();
export const OptionalBoolean = (): PropertyDecorator => compose(IsOptional(), IsBoolean());
export const OptionalNumber = (): PropertyDecorator => compose(IsOptional(), IsNumber(FINITE));
export const OptionalObject = (): PropertyDecorator => compose(IsOptional(), IsObject());
export const StringList = (): PropertyDecorator => compose(IsArray(), IsString({ each: true }));
export const NonEmptyStringList = (): PropertyDecorator =>
  compose(IsArray(), ArrayNotEmpty(), IsString({ each: true }), IsNotEmpty({ each: true }));
export const OptionalStringList = (): PropertyDecorator => compose(IsOptional(), StringList());

export const OptionalNested = (type: () => new () => object): PropertyDecorator =>
  compose(IsOptional(), IsObject(), ValidateNested(), Type(type));
export const OptionalNestedList = (type: () => new () => object): PropertyDecorator =>
  compose(IsOptional(), IsArray(), ValidateNested({ each: true }), Type(type));

/** An RFC3339 date-time (`Z` or `±hh:mm`) naming a real instant. */
export const OptionalTimestamp = (): PropertyDecorator =>
  compose(IsOptional(), ValidateBy({ name: 'isRfc3339', validator: { validate: isGatewayTimestamp } }));

/** Go sends some ids as integers (newsletter `server_id`, label `predefined_id`) that docs show as strings. */
const isIdLike = (value: unknown): boolean =>
  (typeof value === 'string' && value !== '') || Number.isSafeInteger(value);
export const RequiredIdLike = (): PropertyDecorator =>
  ValidateBy({ name: 'isStringOrInteger', validator: { validate: isIdLike } });
export const OptionalIdLike = (): PropertyDecorator => compose(IsOptional(), RequiredIdLike());

/** Media: a path string, or an object whose known keys (`path`, `url`, `caption`…) are strings. */
const isMediaValue = (value: unknown): boolean =>
  typeof value === 'string' ||
  (isRecord(value) && MEDIA_OBJECT_KEYS.every((key) => value[key] === undefined || typeof value[key] === 'string'));
export const OptionalMedia = (): PropertyDecorator =>
  compose(IsOptional(), ValidateBy({ name: 'isMediaValue', validator: { validate: isMediaValue } }));

/** `{emoji: count}` as whatsmeow reports newsletter reactions. */
const isCountMap = (value: unknown): boolean =>
  isRecord(value) && Object.values(value).every((count) => typeof count === 'number' && Number.isFinite(count));
export const OptionalCountMap = (): PropertyDecorator =>
  compose(IsOptional(), ValidateBy({ name: 'isCountMap', validator: { validate: isCountMap } }));
