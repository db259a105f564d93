// The pool simulation's own bounds, checked in the page and again in its worker (which answers
// any script's messages). The core takes up to cbm.limits().activations: a million requests is a
// run a browser tab finishes in seconds.
export const MAX_REQUESTS = 1_000_000;
export const MAX_HORIZON_YEARS = 100;
// The largest file of requests read: a million requests are about 70 MB of JSON; past this,
// reading it would only end in running out of memory.
export const MAX_FILE_BYTES = 256e6;
