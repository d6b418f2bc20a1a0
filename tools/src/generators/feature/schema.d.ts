export interface FeatureGeneratorSchema {
  /** Plural, kebab-case: `notes`, `checklist-items`. */
  name: string;
  /** One item, kebab-case; derived from `name` when absent. */
  singular?: string;
  skipFormat?: boolean;
}
