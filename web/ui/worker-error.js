// An error as a worker posts it to the page (a CbmError keeps its field, code and problem).
export function errorMessage(id, e) {
  return {
    type: 'error',
    id,
    message: String(e?.message ?? e),
    field: e?.field ?? '',
    code: typeof e?.code === 'string' ? e.code : 'INTERNAL', // a DOMException's code is a number
    problem: e?.problem ?? null,
  };
}
