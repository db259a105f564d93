// An error as a worker posts it to the page (a CbmError keeps its field, code and problem).
export function errorMessage(id, e) {
  return {
    type: 'error',
    id,
    message: String(e?.message ?? e),
    field: e?.field ?? '',
    code: e?.code ?? 'INTERNAL',
    problem: e?.problem ?? null,
  };
}
