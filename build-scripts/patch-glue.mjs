// Emscripten 3.1.6's embind keeps a value object's fields in a plain object and walks it with
// for...in, so an enumerable property a host page's library put on Object.prototype makes
// every call fail ("fields[i].read is not a function"). The fields go in an object without a
// prototype instead. Run on the generated glue after each link; fails if the code is not there.
import { readFileSync, writeFileSync } from 'node:fs';

const [glue] = process.argv.slice(2);
const source = readFileSync(glue, 'utf8');
const pattern = /var fields\s*=\s*\{\};(\s*)fieldRecords\.forEach/g;
const found = source.match(pattern)?.length ?? 0;
if (source.includes('var fields=Object.create(null)') || source.includes('var fields = Object.create(null)')) process.exit(0);
if (found !== 1) {
  console.error(`patch-glue: expected one value-object field table in ${glue}, found ${found}`);
  process.exit(1);
}
writeFileSync(glue, source.replace(pattern, 'var fields = Object.create(null);$1fieldRecords.forEach'));
