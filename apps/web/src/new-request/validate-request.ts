// The form's own checks, the same as the API's input limits (CreateRequestInput), so most
// mistakes are said next to their field before anything is sent.
export const TITLE_MAX = 200;
export const DESCRIPTION_MAX = 20_000;

export type FieldName = 'supplier' | 'service' | 'title' | 'description';
export const FIELD_ORDER: FieldName[] = ['supplier', 'service', 'title', 'description'];
export type Problem = 'required' | 'tooLong';

export interface RequestDraft {
  supplier: { services: unknown[] } | null;
  service: unknown | null;
  title: string;
  description: string;
}

export function validateRequest(draft: RequestDraft): Partial<Record<FieldName, Problem>> {
  const found: Partial<Record<FieldName, Problem>> = {};
  if (!draft.supplier) found.supplier = 'required';
  // A supplier with a catalogue is asked for one of its services; one without takes any request.
  else if (draft.supplier.services.length > 0 && !draft.service) found.service = 'required';
  const title = draft.title.trim();
  if (!title) found.title = 'required';
  // The API counts UTF-16 code units, as String.length does.
  else if (title.length > TITLE_MAX) found.title = 'tooLong';
  if (draft.description.trim().length > DESCRIPTION_MAX) found.description = 'tooLong';
  return found;
}
