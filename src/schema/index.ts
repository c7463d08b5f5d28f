export {
  ANNOTATION_KEYWORDS,
  ASSERTION_KEYWORDS,
  SchemaFormat,
  SchemaType,
  type JsonSchema,
  type SchemaObject,
} from './jsonSchema';
export { checkSchema, type SchemaProblem } from './checkSchema';
export { validate, validateAgainst, type ValidationError } from './validate';
export { isDate, isDateTime, isEmail, isUuid } from './formats';
export { applyDefaults } from './defaults';
export { defRef, resolveRef } from './refs';
export { jsonEqual } from './jsonValue';
export { checkCompatibility } from './compatibility';
export {
  CompatibilityDirection,
  CompatibilityMode,
  CompatibilityRule,
  type CompatibilityIssue,
  type CompatibilityResult,
} from './compatibilityRules';
export { upcast, type Upcaster, type Upcasters, type UpcastResult } from './upcast';
export {
  checkRegistry,
  latestVersion,
  schemaFor,
  validateEventData,
  type EventDataCheck,
  type EventTypeSchemas,
  type RegistryProblem,
  type SchemaRegistry,
  type SchemaVersion,
} from './registry';
export { schemaToTypeScript, toTypeName } from './typescript';
