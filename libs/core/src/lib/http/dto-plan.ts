import { ClassConstructor, TransformationType } from 'class-transformer';
// What `plainToInstance` reads and passes on, which class-transformer's index does not export.
import { defaultOptions } from 'class-transformer/cjs/constants/default-options.constant';
import { defaultMetadataStorage } from 'class-transformer/cjs/storage';
import type { ValidationMetadata } from 'class-validator/types/metadata/ValidationMetadata';
import {
  MetadataStorage,
  ValidationArguments,
  ValidationTypes,
  ValidatorConstraintInterface,
  getMetadataStorage,
} from 'class-validator';

/**
 * The fast path of DTO validation: the same decorators, read once per DTO class instead of on
 * every request. `plainToInstance` + `validateSync` look up and group a class's metadata, walk
 * every value generically and build an error object per property for each call, which costs a
 * create or a list request more CPU than the rest of its validation; most requests are valid.
 *
 * `acceptedInstance` builds the DTO as `plainToInstance` would and runs the very constraint
 * functions `validateSync` would run; it answers only when every one of them passes, and
 * `undefined` for anything else — invalid input, or a shape it does not handle (nested DTOs,
 * objects in values, async constraints, `@Expose`/`@Exclude`, groups): the caller then runs
 * class-transformer and class-validator themselves, which give the problem's messages. So the
 * fast path can only say yes where the full validation says yes, with the same DTO (a property
 * test compares them on every DTO of the app).
 */
export function acceptedInstance<T extends object>(
  type: ClassConstructor<T>,
  plain: object,
): T | undefined {
  const plan = cachedPlanOf(type);
  if (plan === null) return undefined;
  const instance = build(plan, plain) as T | undefined;
  return instance && passes(plan, instance) ? instance : undefined;
}

/** Whether the fast path handles the class at all (else it always leaves it to the libraries). */
export const fastPathHandles = (type: ClassConstructor<object>): boolean =>
  cachedPlanOf(type) !== null;

const plans = new Map<ClassConstructor<object>, Plan | null>();

function cachedPlanOf(type: ClassConstructor<object>): Plan | null {
  let plan = plans.get(type);
  if (plan === undefined) {
    plan = planOf(type);
    plans.set(type, plan);
  }
  return plan;
}

interface Plan {
  type: ClassConstructor<object>;
  properties: Map<string, PropertyPlan>;
}

interface PropertyPlan {
  name: string;
  /** `@Type(() => Number)` and the like: class-transformer's primitive conversion. */
  convert?: (value: unknown) => unknown;
  transforms: ((params: TransformParams) => unknown)[];
  /** `@IsOptional()` and `@ValidateIf()`: all must hold for the checks to run. */
  conditions: ((object: object, value: unknown) => boolean)[];
  checks: Check[];
}

interface TransformParams {
  value: unknown;
  key: string;
  obj: object;
  type: TransformationType;
  options: object;
}

interface Check {
  metadata: ValidationMetadata;
  constraints: ValidatorConstraintInterface[];
}

const PRIMITIVE_CONVERSIONS = new Map<unknown, (value: unknown) => unknown>([
  [String, (value) => (value === null || value === undefined ? value : String(value))],
  [Number, (value) => (value === null || value === undefined ? value : Number(value))],
  [Boolean, (value) => (value === null || value === undefined ? value : Boolean(value))],
]);

/** The plan of a DTO class, or `null` when it uses something the fast path leaves to the libraries. */
function planOf(type: ClassConstructor<object>): Plan | null {
  const storage = getMetadataStorage();
  // What validateSync reads with our options (no groups, not `always`, not strict).
  const metadatas = storage.getTargetValidationMetadatas(type, '', false, false, undefined);
  if (metadatas.length === 0) return null;
  if (
    defaultMetadataStorage.getStrategy(type) !== 'none' ||
    defaultMetadataStorage.getExposedMetadatas(type).length > 0 ||
    defaultMetadataStorage.getExcludedMetadatas(type).length > 0
  ) {
    return null;
  }
  const defaults = new type() as Record<string, unknown>;
  const properties = new Map<string, PropertyPlan>();
  for (const [name, own] of Object.entries(storage.groupByPropertyName(metadatas))) {
    const property = propertyPlanOf(storage, type, name, own, defaults);
    if (property === null) return null;
    properties.set(name, property);
  }
  // validateSync refuses a field of the new instance that no rule names; left to it.
  if (Object.keys(defaults).some((key) => !properties.has(key))) return null;
  return { type, properties };
}

const HANDLED_VALIDATIONS = new Set<string>([
  ValidationTypes.CUSTOM_VALIDATION,
  ValidationTypes.CONDITIONAL_VALIDATION,
  ValidationTypes.IS_DEFINED,
]);

function propertyPlanOf(
  storage: MetadataStorage,
  type: ClassConstructor<object>,
  name: string,
  metadatas: ValidationMetadata[],
  defaults: Record<string, unknown>,
): PropertyPlan | null {
  // class-transformer skips these keys, and accessors or methods of the class.
  if (name === '__proto__' || name === 'constructor') return null;
  if (typeof defaults[name] === 'function' || accessorOf(type, name)) return null;
  if (metadatas.some((metadata) => !HANDLED_VALIDATIONS.has(metadata.type))) return null;
  const convert = conversionOf(type, name);
  if (convert === null) return null;
  const transforms = defaultMetadataStorage
    .findTransformMetadatas(type, name, TransformationType.PLAIN_TO_CLASS)
    .filter((metadata) => !metadata.options?.groups?.length)
    .map((metadata) => metadata.transformFn as (params: TransformParams) => unknown);
  const conditions = metadatas
    .filter((metadata) => metadata.type === ValidationTypes.CONDITIONAL_VALIDATION)
    .map((metadata) => metadata.constraints[0] as (object: object, value: unknown) => boolean);
  const checks: Check[] = [];
  for (const metadata of metadatas) {
    if (metadata.type === ValidationTypes.CONDITIONAL_VALIDATION) continue;
    const constraintMetadatas = storage.getTargetValidatorConstraints(metadata.constraintCls);
    if (constraintMetadatas.some((constraint) => constraint.async)) return null;
    checks.push({ metadata, constraints: constraintMetadatas.map((c) => c.instance) });
  }
  // class-validator runs IS_DEFINED before the other rules; the order does not change a yes.
  return { name, convert, transforms, conditions, checks };
}

function accessorOf(type: ClassConstructor<object>, name: string): boolean {
  for (let proto = type.prototype; proto && proto !== Object.prototype;) {
    if (Object.getOwnPropertyDescriptor(proto, name)) return true;
    proto = Object.getPrototypeOf(proto);
  }
  return false;
}

/** The conversion `@Type` asks for: none, a primitive one, or `null` (not handled here). */
function conversionOf(
  type: ClassConstructor<object>,
  name: string,
): ((value: unknown) => unknown) | undefined | null {
  const metadata = defaultMetadataStorage.findTypeMetadata(type, name);
  if (!metadata) return undefined;
  if (metadata.options?.discriminator || !metadata.typeFunction) return null;
  const target = metadata.typeFunction({ newObject: {}, object: {}, property: name });
  return PRIMITIVE_CONVERSIONS.get(target) ?? null;
}

const isPrimitive = (value: unknown): boolean =>
  value === null || (typeof value !== 'object' && typeof value !== 'function');

/** `plainToInstance(plan.type, plain)` for what the plan handles; `undefined` otherwise. */
function build(plan: Plan, plain: object): object | undefined {
  const instance = new plan.type() as Record<string, unknown>;
  for (const key of Object.keys(plain)) {
    const property = plan.properties.get(key);
    // An unknown field is refused by the full validation, which names it.
    if (property === undefined) return undefined;
    let value = (plain as Record<string, unknown>)[key];
    if (Array.isArray(value)) {
      // class-transformer gives an array of a `@Type` property another class (`[]` or a Set).
      if (property.convert || !value.every(isPrimitive)) return undefined;
      value = value.slice();
    } else if (!isPrimitive(value)) {
      return undefined;
    } else if (property.convert) {
      value = property.convert(value);
    }
    for (const transform of property.transforms) {
      value = transform({
        value,
        key,
        obj: plain,
        type: TransformationType.PLAIN_TO_CLASS,
        // The options `plainToInstance` gives a transform when it is called with none.
        options: defaultOptions,
      });
    }
    instance[key] = value;
  }
  return instance;
}

/** Whether every rule `validateSync` would run on `instance` passes. */
function passes(plan: Plan, instance: object): boolean {
  for (const property of plan.properties.values()) {
    const value = (instance as Record<string, unknown>)[property.name];
    if (!property.conditions.every((condition) => condition(instance, value))) continue;
    for (const check of property.checks) {
      if (!checkPasses(check, instance, property.name, value)) return false;
    }
  }
  return true;
}

function checkPasses(check: Check, object: object, property: string, value: unknown): boolean {
  const { metadata } = check;
  if (metadata.validateIf && !metadata.validateIf(object, value)) return true;
  // `each` on anything but an array (a Set, a Map, a Date...): left to class-validator.
  if (metadata.each && !Array.isArray(value) && value instanceof Object) return false;
  const items = metadata.each && Array.isArray(value) ? value : [value];
  const args: ValidationArguments = {
    targetName: object.constructor.name,
    property,
    object,
    value,
    constraints: metadata.constraints,
  };
  // A promise (an async rule) is not a yes: the full validation decides.
  return check.constraints.every((constraint) =>
    items.every((item) => constraint.validate(item, args) === true),
  );
}
