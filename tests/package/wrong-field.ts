// Must not compile: a misspelled field of an input is a compile error, as it is a run-time one
// (tests/package/package.test.mjs expects exactly one error, naming 'unitprice').
import { load } from 'cbmcalc';

load().then((cbm) => cbm.apr({ blockReward: '1', tokenPrice: 1, units: 1, unitPrice: 1, unitprice: 1 }));
