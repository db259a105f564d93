// An error as a worker posts it to the page (a CbmError keeps its field, code and problem).
import { CbmError } from '../lib/cbmcalc.js';

export function errorMessage(id, e) {
  return {
    type: 'error',
    id,
    message: String(e?.message ?? e),
    field: e?.field ?? '',
    code: e instanceof CbmError ? e.code : 'INTERNAL',
    problem: e?.problem ?? null,
  };
}
