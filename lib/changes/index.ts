/** The pure part of the change path: parsing draft items, location rules, replaying edits, canonical content. */
export { parseItemYaml, type ParsedItem } from "./parse";
export { checkLocation, type Placement } from "./location";
export { rebaseEdit, type Rebased } from "./rebase";
export { canonicalContent } from "./content";
export { updateDocumentValue } from "./yaml-edit";
export { isWritableGroup, WRITABLE_GROUPS } from "./writable";
